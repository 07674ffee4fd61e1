/**
 * The public surface of 1:1s: what other features may use. Screens (the 1:1s list, meeting,
 * prep, templates) are loaded by app/App.tsx; everything else here is private to the feature.
 * Its commands join the palette from here.
 */
import { registerCommands } from '../../app/commands';
import { lazyPart, lazySection } from '../../ui/lazy-part';
import { oneOnOneCommands } from './commands';

export { type SeriesRow, useSeriesRows } from './hooks';
export { SaveFailed } from './SaveFailed';
export { type SaveState, saveStateLabel, useAutosave } from './useAutosave';

// Dialogs and sections load with the screen that draws them: Today imports this module for its
// series hook, and an eager export here would put the date picker and the Markdown export (with its
// YAML writer) in the first screen's JavaScript.
export const ExportNotesButton = lazyPart(() => import('./ExportNotesDialog').then((m) => m.ExportNotesButton));
export const PersonSeriesSection = lazySection(() => import('./PersonSections').then((m) => m.PersonSeriesSection));
export const QueueSection = lazySection(() => import('./PersonSections').then((m) => m.QueueSection));
export const QueuePointDialog = lazyPart(() => import('./QueuePoint').then((m) => m.QueuePointDialog));
export const SeriesDialog = lazyPart(() => import('./SeriesDialog').then((m) => m.SeriesDialog));
export const WorkingHoursSection = lazyPart(() => import('./WorkingHoursSection').then((m) => m.WorkingHoursSection));

registerCommands(oneOnOneCommands);

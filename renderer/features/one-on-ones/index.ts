/**
 * The public surface of 1:1s: what other features may use. Screens (the 1:1s list, meeting,
 * prep, templates) are loaded by app/App.tsx; everything else here is private to the feature.
 * Its commands join the palette from here.
 */
import { registerCommands } from '../../app/commands';
import { oneOnOneCommands } from './commands';

export { ExportNotesButton } from './ExportNotesDialog';
export { type SeriesRow, useSeriesRows } from './hooks';
export { PersonSeriesSection, QueueSection } from './PersonSections';
export { QueuePointDialog } from './QueuePoint';
export { SaveFailed } from './SaveFailed';
export { SeriesDialog } from './SeriesDialog';
export { type SaveState, saveStateLabel, useAutosave } from './useAutosave';
export { WorkingHoursSection } from './WorkingHoursSection';

registerCommands(oneOnOneCommands);

import type { laddersContract } from '../../shared/ipc/ladders';
import { AppError } from '../../shared/ipc/result';
import { diffLadders } from '../../shared/ladder/diff';
import { reviewToMarkdown } from '../../shared/ladder/review';
import type { LaddersService } from '../services/ladders/service';
import type { SettingsService } from '../services/settings';
import type { ChooseFolder } from './dialogs';
import type { DomainHandlers } from './dispatch';
import type { SaveFile } from './files';

export interface LaddersHandlerDeps {
  service: LaddersService;
  settings: SettingsService;
  /** Electron's folder dialog in the app; the browser suite answers with a temp folder. */
  chooseFolder: ChooseFolder;
  /** The one "save a file the user chooses" of main (files.ts). */
  saveFile: SaveFile;
  now?: () => Date;
}

export function createLaddersHandlers(deps: LaddersHandlerDeps): DomainHandlers<typeof laddersContract> {
  const { service, settings } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    'ladders:list': () => service.list(),
    'ladders:get': ({ key }) => service.get(key),
    'ladders:save': ({ key, text, baseHash }) => service.save(key, text, baseHash),
    'ladders:save-draft': ({ key, text }) => service.saveDraft(key, text),
    'ladders:copy-to-folder': ({ key }) => service.copyToFolder(key),
    'ladders:edit-cell': ({ key, trackId, competencyId, levelId, criteria, baseHash }) =>
      service.editCell(key, { trackId, competencyId, levelId }, criteria, baseHash),
    'ladders:choose-folder': async () => {
      // Opens on the folder the settings name, without reading it first: a folder that fails to load can still be replaced.
      const folder = await deps.chooseFolder({ title: 'Choose your ladders folder', defaultPath: service.folder() });
      if (!folder) return { folder: null };
      const chosen = settings.setLaddersFolder(folder).laddersFolder!;
      await service.reloadFolder();
      return { folder: chosen };
    },
    'ladders:versions': ({ ladderId }) => service.versions.list(ladderId),
    /** The exact ladder an assessment was made against, even after the file moved on. */
    'ladders:version-get': async ({ ladderId, hash }) => {
      const stored = await service.versions.get(ladderId, hash);
      if (!stored) throw new AppError('not-found', 'This version of the ladder is not stored.');
      const { ladder, files: _files, ...info } = stored;
      return { info, ladder };
    },
    'ladders:version-diff': async ({ ladderId, from, to }) => {
      const [a, b] = await Promise.all([service.versions.get(ladderId, from), service.versions.get(ladderId, to)]);
      if (!a || !b) throw new AppError('not-found', 'One of these versions is not stored any more.');
      const info = ({ ladder: _l, files: _f, ...rest }: typeof a) => rest;
      return { from: info(a), to: info(b), changes: diffLadders(a.ladder, b.ladder) };
    },
    'ladders:review': ({ key, since }) => service.review(key, since),
    'ladders:export-review': async ({ key, since }) => {
      const result = await service.review(key, since);
      const day = now().toISOString().slice(0, 10);
      const path = await deps.saveFile({
        kind: 'markdown',
        title: 'Export criteria review',
        suggestedName: `${result.ladderId}-criteria-review-${day}.md`,
        content: reviewToMarkdown(result, day),
      });
      return { saved: path !== null, path };
    },
  };
}

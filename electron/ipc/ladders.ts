import { AppError } from '../../shared/ipc/result';
import { diffLadders } from '../../shared/ladder/diff';
import { criteriaFirstSeen, type LadderReview, reviewLadder, reviewToMarkdown } from '../../shared/ladder/review';
import type { LaddersService } from '../services/ladders/service';
import type { SettingsService } from '../services/settings';
import type { PartialHandlerTable } from './dispatch';
import type { EventSink } from './events';

export type LaddersChannel =
  | 'ladders:list'
  | 'ladders:get'
  | 'ladders:save'
  | 'ladders:save-draft'
  | 'ladders:copy-to-folder'
  | 'ladders:edit-cell'
  | 'ladders:choose-folder'
  | 'ladders:versions'
  | 'ladders:version-get'
  | 'ladders:version-diff'
  | 'ladders:review'
  | 'ladders:export-review';

export interface LaddersHandlerDeps {
  service: LaddersService;
  settings: SettingsService;
  events: EventSink;
  /** Electron's folder dialog in the app; the browser suite answers with a temp folder. */
  chooseFolder: (options: { title: string; defaultPath?: string }) => Promise<string | null>;
  /** Asks where to save an export and writes it; null when the user cancelled. */
  saveFile: (options: { title: string; defaultName: string; content: string }) => Promise<string | null>;
  now?: () => Date;
}

export function createLaddersHandlers(deps: LaddersHandlerDeps): PartialHandlerTable<LaddersChannel> {
  const { service, settings, events } = deps;
  const now = deps.now ?? (() => new Date());

  async function review(key: string, since: string): Promise<LadderReview> {
    const state = await service.entry(key);
    const ladder = state.inUse?.ladder;
    if (!ladder) throw new AppError('conflict', `${state.relative} has problems and no earlier valid version to review.`);
    const hash = state.inUse!.hash;
    const infos = await service.versions.list(ladder.id);
    const inUseSince = infos.find((v) => v.hash === hash)?.firstSeen ?? now().toISOString();
    // History up to the version in use (a file reverted to an old version counts from that version).
    const earlier = infos.filter((v) => v.hash !== hash && v.firstSeen <= inUseSince);
    const stored = await Promise.all(earlier.map((v) => service.versions.get(ladder.id, v.hash)));
    const history = stored.filter((v) => v !== null).map((v) => ({ firstSeen: v.firstSeen, ladder: v.ladder }));
    return reviewLadder(ladder, { since, firstSeen: criteriaFirstSeen([...history, { firstSeen: inUseSince, ladder }]) });
  }

  return {
    'ladders:list': () => service.list(),
    'ladders:get': ({ key }) => service.get(key),
    'ladders:save': ({ key, text, baseHash }) => service.save(key, text, baseHash),
    'ladders:save-draft': ({ key, text }) => service.saveDraft(key, text),
    'ladders:copy-to-folder': ({ key }) => service.copyToFolder(key),
    'ladders:edit-cell': ({ key, trackId, competencyId, levelId, criteria, baseHash }) =>
      service.editCell(key, { trackId, competencyId, levelId }, criteria, baseHash),
    'ladders:choose-folder': async () => {
      const current = (await service.list()).folder;
      const folder = await deps.chooseFolder({ title: 'Choose your ladders folder', defaultPath: current });
      if (!folder) return { folder: null };
      const next = settings.set({ laddersFolder: folder });
      events.emit('settings:changed', next);
      await service.reloadFolder();
      return { folder };
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
    'ladders:review': ({ key, since }) => review(key, since),
    'ladders:export-review': async ({ key, since }) => {
      const result = await review(key, since);
      const day = now().toISOString().slice(0, 10);
      const path = await deps.saveFile({
        title: 'Export criteria review',
        defaultName: `${result.ladderId}-criteria-review-${day}.md`,
        content: reviewToMarkdown(result, day),
      });
      return { saved: path !== null, path };
    },
  };
}

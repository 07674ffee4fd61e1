import type { ladderImportContract } from '../../shared/ipc/ladder-import';
import { readImportSource } from '../services/ladders/import-source';
import type { LaddersService } from '../services/ladders/service';
import type { ChooseOpenPath } from './dialogs';
import type { DomainHandlers } from './dispatch';

export interface LadderImportDeps {
  service: LaddersService;
  /** Electron's open dialog in the app; tests answer from a queue. The only way a path gets in. */
  chooseOpenPath: ChooseOpenPath;
}

const filters = [
  { name: 'Ladders and spreadsheets', extensions: ['csv', 'tsv', 'txt', 'yml', 'yaml', 'md', 'markdown'] },
  { name: 'All files', extensions: ['*'] },
];

export function createLadderImportHandlers({ service, chooseOpenPath }: LadderImportDeps): DomainHandlers<typeof ladderImportContract> {
  return {
    'ladder-import:open': async () => {
      const file = await chooseOpenPath({ title: 'Import a ladder', filters });
      if (!file) return { chosen: false as const };
      return { chosen: true as const, source: await readImportSource(file) };
    },
    'ladder-import:save': ({ name, text }) => service.createFile(name, text),
    'ladder-import:free-name': async ({ name }) => ({ name: await service.freeFileName(name) }),
  };
}

import { isPlainFileName } from '../../shared/domain/file-names';
import { AppError } from '../../shared/ipc/result';
import type { FileWriter } from '../services/file-writer';
import type { PartialHandlerTable } from './dispatch';

export interface SaveDialogRequest {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

/** Asks the user where to save one file; null when they cancel. main.ts shows Electron's dialog. */
export type ChooseSavePath = (request: SaveDialogRequest) => Promise<string | null>;
/** Asks the user for a folder; null when they cancel. (Same shape as the ladders folder chooser.) */
export type ChooseFolder = (options: { title: string; defaultPath?: string }) => Promise<string | null>;

const filtersByKind = {
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
  calendar: [{ name: 'Calendar', extensions: ['ics'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
} as const;

/**
 * Export to disk. The renderer proposes names and content; the user chooses where (a dialog
 * main controls), so the renderer can never pick a path itself.
 */
export function createFileHandlers(
  writer: FileWriter,
  chooseSavePath: ChooseSavePath,
  chooseFolder: ChooseFolder,
): PartialHandlerTable<'files:save-text' | 'files:export-folder'> {
  return {
    'files:save-text': async ({ suggestedName, content, kind, title }) => {
      if (!isPlainFileName(suggestedName)) throw new AppError('invalid-input', `"${suggestedName}" is not a plain file name.`);
      const target = await chooseSavePath({
        title,
        defaultName: suggestedName,
        filters: filtersByKind[kind].map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      });
      if (!target) return { saved: false };
      return { saved: true, path: await writer.saveText(target, content) };
    },
    'files:export-folder': async ({ title, files }) => {
      const folder = await chooseFolder({ title });
      if (!folder) return { saved: false, written: [] };
      const written = await writer.exportFolder(folder, files);
      return { saved: true, folder, written };
    },
  };
}

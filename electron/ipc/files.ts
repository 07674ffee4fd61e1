import { isPlainFileName, withExtension } from '../../shared/domain/file-names';
import { type FileKind, fileKinds, type filesContract, MAX_EXPORT_TOTAL_BYTES } from '../../shared/ipc/files';
import { AppError } from '../../shared/ipc/result';
import { checkExportNames, type FileWriter } from '../services/file-writer';
import type { StagedExports } from '../services/staged-export';
import type { ChooseFolder, ChooseSavePath } from './dialogs';
import type { DomainHandlers } from './dispatch';

export interface SaveFileRequest {
  kind: FileKind;
  /** The save dialog's title. */
  title: string;
  /** A plain file name the dialog proposes; its extension is made to match `kind`. */
  suggestedName: string;
  content: string;
}

/** Asks where to save one file of a kind, and writes it there; null when the user cancelled. */
export type SaveFile = (request: SaveFileRequest) => Promise<string | null>;

const megabytes = (bytes: number) => `${Math.round(bytes / 1_000_000)} MB`;

/**
 * The one way main saves a file the user chooses: every export of one file (notes, .ics, CSV,
 * the criteria review) goes through it. The renderer proposes a name and content; the user
 * picks the place in main's dialog; the written file always ends with the kind's extension.
 */
export function createSaveFile(writer: FileWriter, chooseSavePath: ChooseSavePath): SaveFile {
  return async ({ kind, title, suggestedName, content }) => {
    const { extension, label } = fileKinds[kind];
    const defaultName = withExtension(suggestedName.normalize('NFC'), extension);
    if (!isPlainFileName(defaultName)) throw new AppError('invalid-input', `"${suggestedName}" is not a plain file name.`);
    const chosen = await chooseSavePath({ title, defaultName, filters: [{ name: label, extensions: [extension] }] });
    if (!chosen) return null;
    const target = withExtension(chosen, extension);
    // The dialog asked about replacing `chosen`; a name we completed with the extension it did not, so it is never replaced.
    return target === chosen ? writer.saveText(target, content) : writer.saveTextBeside(target, content);
  };
}

export function createFileHandlers(
  writer: FileWriter,
  saveFile: SaveFile,
  chooseFolder: ChooseFolder,
  staged: StagedExports,
): DomainHandlers<typeof filesContract> {
  return {
    'files:save-text': async ({ suggestedName, content, kind, title }) => {
      const path = await saveFile({ kind, title, suggestedName, content });
      return path === null ? { saved: false } : { saved: true, path };
    },
    'files:export-folder': async ({ title, kind, files }) => {
      const total = files.reduce((sum, f) => sum + Buffer.byteLength(f.content, 'utf8'), 0);
      if (total > MAX_EXPORT_TOTAL_BYTES)
        throw new AppError('invalid-input', `This export is ${megabytes(total)}; one export can be at most ${megabytes(MAX_EXPORT_TOTAL_BYTES)}.`);
      const { extension } = fileKinds[kind];
      const named = files.map((f) => ({ name: withExtension(f.name.normalize('NFC'), extension), content: f.content }));
      checkExportNames(named);
      const folder = await chooseFolder({ title });
      if (!folder) return { saved: false, written: [] };
      const written = await writer.exportFolder(folder, named);
      return { saved: true, folder, written };
    },
    // The streamed export: the folder comes from main's dialog, the id from main; chunks only add files to it.
    'files:export-begin': async ({ title, kind }) => {
      const folder = await chooseFolder({ title });
      if (!folder) return { started: false };
      const exportId = await staged.begin(folder, fileKinds[kind].extension);
      return { started: true, exportId, folder };
    },
    'files:export-chunk': async ({ exportId, files }) => ({ received: await staged.add(exportId, files) }),
    'files:export-commit': ({ exportId }) => staged.commit(exportId),
    'files:export-cancel': async ({ exportId }) => ({ cancelled: await staged.cancel(exportId) }),
  };
}

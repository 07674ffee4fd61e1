/**
 * The dialogs main shows on the user's behalf. main.ts implements them with Electron's dialog
 * module; tests and the browser suite answer them from a queue. Whatever a dialog answers is
 * what the user chose, which is the only way a path from outside Trellis's folders gets in.
 */

export interface SaveDialogRequest {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

/** Asks the user where to save one file; null when they cancel. */
export type ChooseSavePath = (request: SaveDialogRequest) => Promise<string | null>;

export interface FolderDialogRequest {
  title: string;
  /** Where the dialog opens (main's own idea: the current folder, Documents); never the renderer's. */
  defaultPath?: string;
}

/** Asks the user for a folder (the ladders folder, an export of many files); null when they cancel. */
export type ChooseFolder = (request: FolderDialogRequest) => Promise<string | null>;

/** Asks the user for one existing file (a backup to restore); null when they cancel. */
export type ChooseOpenPath = (request: { title: string; filters: { name: string; extensions: string[] }[] }) => Promise<string | null>;

/** Asks the user for any number of existing files (packets for a calibration); empty when they cancel. */
export type ChooseOpenPaths = (request: { title: string; filters: { name: string; extensions: string[] }[] }) => Promise<string[]>;

/** Opens one of Trellis's own folders in the file manager (shell.openPath); resolves to an error text, '' on success. */
export type OpenPath = (folder: string) => Promise<string>;

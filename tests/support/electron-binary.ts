import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electronPackage = path.resolve(import.meta.dirname, '../../node_modules/electron');

/**
 * The Electron executable, if one is installed. Never `require('electron')` here: in Electron 42+
 * that starts a download, which these machines cannot do.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const pathFile = path.join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, relative) : path.join(electronPackage, 'dist', relative);
  if (existsSync(candidate)) return { path: candidate };
  return { missing: `no Electron binary at ${candidate} (it is downloaded on first use; set ELECTRON_OVERRIDE_DIST_PATH to use one you have)` };
}

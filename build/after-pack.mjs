// electron-builder afterPack hook: burns Electron's fuses into the packaged binary, so the
// shipped app cannot be turned into a generic Node runtime or debugged through flags.
import path from 'node:path';

import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuse settings every Trellis build ships with. */
export const trellisFuses = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Where electron-builder put the Electron executable for this platform. */
export function electronBinaryPath(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // arm64 macOS binaries must be re-signed (ad hoc) after their bytes change. Arch 3 is arm64 in electron-builder.
  await flipFuses(electronBinaryPath(context), { ...trellisFuses, resetAdHocDarwinSignature: isMac && context.arch === 3 });
}

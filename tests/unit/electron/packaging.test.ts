import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import afterPack, { electronBinaryPath, trellisFuses } from '../../../build/after-pack.mjs';

const root = path.resolve(import.meta.dirname, '../../..');

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.productName).toBe('Trellis');
    expect(config.asar).toBe(true);
  });

  it('ships installers for every desktop platform and only the built files', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    // getConfig normalises `files` into one filter set.
    const files = (config.files as { filter: string[] }[])[0]!.filter;
    expect(files).toEqual(['dist/main/**/*', 'dist/preload/**/*', 'dist/renderer/**/*', '!**/*.map', 'package.json']);
    expect(config.afterPack).toBe('./build/after-pack.mjs');
  });

  it('refuses a broken configuration (the validation is real)', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration({ ...config, asar: 'yes please' } as never, new DebugLogger(false))).rejects.toThrow(/asar/);
  });

  it('starts main from the bundle electron-builder packs', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string; productName: string };
    expect(pkg.main).toBe('dist/main/main.js');
    expect(pkg.productName).toBe('Trellis');
  });
});

describe('fuses (afterPack)', () => {
  let dir: string;
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'trellis-fuses-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('burns every Trellis fuse into a binary laid out like Electron’s', async () => {
    // Electron binaries carry a sentinel, a version byte, a length byte and one byte per fuse.
    const wire = Buffer.alloc(9, FuseState.ENABLE);
    wire[FuseV1Options.EnableCookieEncryption] = FuseState.DISABLE;
    const binary = Buffer.concat([Buffer.from('ELF…padding…'), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.from('…rest')]);
    const context = {
      electronPlatformName: 'linux',
      appOutDir: dir,
      arch: 1,
      packager: { executableName: 'trellis', appInfo: { productFilename: 'Trellis' } },
    };
    await writeFile(electronBinaryPath(context), binary);

    await afterPack(context);

    const fuses = await getCurrentFuseWire(path.join(dir, 'trellis'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('finds the executable on each platform', () => {
    const packager = { executableName: 'trellis', appInfo: { productFilename: 'Trellis' } };
    expect(electronBinaryPath({ electronPlatformName: 'darwin', appOutDir: '/o', packager })).toBe('/o/Trellis.app');
    expect(electronBinaryPath({ electronPlatformName: 'win32', appOutDir: '/o', packager })).toBe('/o/Trellis.exe');
    expect(electronBinaryPath({ electronPlatformName: 'linux', appOutDir: '/o', packager })).toBe('/o/trellis');
  });

  it('configures every security fuse explicitly', () => {
    expect(Object.keys(trellisFuses).filter((k) => k !== 'version')).toHaveLength(7);
  });
});

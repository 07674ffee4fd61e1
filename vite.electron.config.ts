import { builtinModules } from 'node:module';

import { defineConfig } from 'vite';

import { channels, events } from './shared/ipc/channels';
import { preloadNames } from './shared/ipc/names';

/**
 * Main (ESM) and preload (CommonJS: a sandboxed preload cannot be ESM) are bundled with
 * everything they use, so the packaged app ships only dist/ and needs no node_modules.
 */
export default defineConfig(({ mode }) => {
  const isPreload = mode === 'preload';
  const external = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
  return {
    build: {
      ssr: isPreload ? 'electron/preload.ts' : 'electron/main.ts',
      outDir: isPreload ? 'dist/preload' : 'dist/main',
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      minify: false,
      rollupOptions: {
        external,
        output: isPreload ? { format: 'cjs', entryFileNames: 'preload.cjs' } : { format: 'es', entryFileNames: 'main.js' },
      },
    },
    ssr: { noExternal: true, external: ['electron'], target: 'node' },
    // The preload gets the contract's names as data, so it needs neither zod nor the schemas.
    define: isPreload ? { __TRELLIS_IPC_NAMES__: JSON.stringify(preloadNames(channels, events)) } : {},
  };
});

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

import { CONTENT_SECURITY_POLICY_META } from './shared/security/csp';

/**
 * The production build carries the CSP as a meta tag too, so the browser suite runs the
 * renderer under the same policy that Electron sends as a header.
 */
function cspMeta(): Plugin {
  return {
    name: 'trellis-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // The manifest lets the benchmark measure what the first screen loads.
    manifest: true,
    chunkSizeWarningLimit: 800,
  },
});

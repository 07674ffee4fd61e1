/**
 * One Content-Security-Policy for the app. Electron sends it as a header on every app://
 * response; the production build also embeds it as a meta tag so that the browser test suite
 * runs the same renderer under the same rules. Inline styles are allowed because the
 * accessible primitives position popovers with style attributes; scripts never are.
 */
const directives: Record<string, string> = {
  'default-src': "'self'",
  // WebAssembly only (Argon2id for the passphrase lock, hash-wasm): no eval of JavaScript.
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

const serialize = (entries: [string, string][]) => entries.map(([k, v]) => `${k} ${v}`).join('; ');

export const CONTENT_SECURITY_POLICY = serialize(Object.entries(directives));

/** Browsers ignore frame-ancestors in a meta tag (and warn about it): leave it to the header. */
export const CONTENT_SECURITY_POLICY_META = serialize(Object.entries(directives).filter(([k]) => k !== 'frame-ancestors'));

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppPath } from '../../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'trellis-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Trellis</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'outside the renderer folder');
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('app:// path resolution', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppPath(root, 'app://trellis/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://trellis/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://trellis/assets/app.js?v=1#x')).toBe(path.join(root, 'assets', 'app.js'));
  });

  const attacks = [
    'app://trellis/../secret.txt',
    'app://trellis/assets/../../secret.txt',
    'app://trellis/%2e%2e/secret.txt',
    'app://trellis/%2E%2E/secret.txt',
    'app://trellis/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://trellis/..%2fsecret.txt',
    'app://trellis/..%5csecret.txt',
    'app://trellis/assets\\..\\..\\secret.txt',
    'app://trellis/%5c%5cserver%5cshare',
    'app://trellis//etc/passwd',
    'app://trellis/%2fetc%2fpasswd',
    'app://trellis/C:%5cWindows%5cwin.ini',
    'app://trellis/c:/Windows/win.ini',
    'app://trellis/index.html%00.js',
    'app://trellis/%00',
    'app://trellis/%E0%A4%A',
    'app://evil/index.html',
    'app://user:pw@trellis/index.html',
    'app://trellis:8080/index.html',
    'file:///etc/passwd',
    'https://trellis/index.html',
    'not a url',
  ];

  it.each(attacks)('refuses %s', (url) => {
    const resolved = resolveAppPath(root, url);
    if (resolved !== null) {
      // WHATWG URL parsing may normalise plain ".." away; whatever remains must stay inside root.
      expect(path.relative(root, resolved).startsWith('..')).toBe(false);
      expect(resolved).not.toBe(path.join(base, 'secret.txt'));
    }
  });

  it('never resolves outside the root, whatever the path (fuzz)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%2f', '%5c', '\\', '%00', 'C:', '', 'assets', 'index.html', '%252e%252e'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const resolved = resolveAppPath(root, `app://trellis/${segments.join('/')}`);
        if (resolved === null) return true;
        const rel = path.relative(root, resolved);
        return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('app:// handler', () => {
  it('serves files with the CSP header and a content type', async () => {
    const handler = createAppProtocolHandler(root);
    const res = await handler(new Request('app://trellis/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Trellis</title>');
  });

  it.each(['app://trellis/%2e%2e/secret.txt', 'app://trellis/..%2fsecret.txt', 'app://trellis/missing.js', 'app://other/index.html'])(
    'answers 404 for %s',
    async (url) => {
      const res = await createAppProtocolHandler(root)(new Request(url));
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('outside the renderer folder');
    },
  );

  it('refuses methods other than GET and HEAD', async () => {
    const res = await createAppProtocolHandler(root)(new Request('app://trellis/index.html', { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
  });

  it('registers the scheme as standard and secure (the IndexedDB origin depends on it)', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('content security policy', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v.join(' ')]),
  );
  it('allows scripts only from the app itself (and WebAssembly compilation, for Argon2id; never eval)', () => {
    expect(directives['script-src']).toBe("'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe-eval');
    expect(directives['default-src']).toBe("'self'");
  });
  it('forbids plugins, base rewriting and framing', () => {
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
  });
  it('loads nothing from the network', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';

/**
 * The renderer is served from app://trellis/. The scheme, host and privileges are part of the
 * IndexedDB origin: changing any of them would make every user's data vanish. Never change them.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'trellis';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

/**
 * Maps an app:// URL to a file inside `root`, or null when the URL is not ours or would leave
 * the folder. Every decoded segment is checked, so `%2e%2e`, `%2f`, `%5c`, NUL bytes and drive
 * letters are refused even though URL parsing has already normalised plain `..`.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.username || url.password || url.port) return null;
  const rawSegments = url.pathname.split('/').filter((s) => s !== '');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[\\/\0:]/.test(segment) || segment.trim() === '') return null;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const resolvedRoot = path.resolve(root);
  const target = path.resolve(resolvedRoot, ...segments);
  const relative = path.relative(resolvedRoot, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return target;
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** The app:// request handler (Electron's protocol.handle takes exactly this shape). */
export function createAppProtocolHandler(root: string, read: (file: string) => Promise<Buffer> = readFile) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const file = resolveAppPath(root, request.url);
    if (!file) return notFound();
    try {
      const body = await read(file);
      const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: {
          'content-type': type,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cross-origin-opener-policy': 'same-origin',
        },
      });
    } catch {
      return notFound();
    }
  };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * The newest releases on the npm registry when they were last checked (`npm view electron version`,
 * `npm view dompurify version`). Raise these when upgrading; never lower them: both packages ship
 * security fixes in their patch and minor releases.
 */
const checked = { electron: '45.5.0', dompurify: '3.5.0' } as const;

// Read from node_modules directly: some packages do not export their package.json.
const installed = (name: string) => (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const parts = (v: string) => v.split(/[.-]/).slice(0, 3).map(Number);
const atLeast = (version: string, minimum: string) => {
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  return true;
};

describe('security-relevant dependencies are on their latest releases', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

  it.each(Object.entries(checked))('%s is at least %s, in package.json and installed', (name, minimum) => {
    expect(atLeast(installed(name), minimum), `${name} ${installed(name)} is older than ${minimum}`).toBe(true);
    expect(atLeast(pkg.devDependencies[name]!.replace(/^[\^~]/, ''), minimum), `package.json asks for ${pkg.devDependencies[name]}`).toBe(true);
  });
});

/**
 * A compromised renderer (an XSS in a note, a hostile ladder file) calls every operation with
 * payloads naming paths outside the user's folders: absolute and relative paths, "..", links
 * planted in the ladders folder, Windows and UNC forms, URLs, huge sizes. Whatever it sends,
 * nothing outside what the user chose (the ladders folder, the folders picked in main's
 * dialogs) and Trellis's own folders is read, written or listed.
 *
 * The proof is a sentinel folder outside them all: every entry's access time is set before its
 * modification time, so on this file system (relatime) any read or listing moves it; any write,
 * creation or removal moves a modification time. Nothing in the test reads the sentinel until the end.
 */
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Channel, channels } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { limits } from '../../../shared/ladder';
import { createTestMain, type TestMain } from '../../support/main-context';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/ladders/app');

let outside: string;
let sentinel: string;
let main: TestMain;
const sentinelFiles: Record<string, string> = {};
const initialStats = new Map<string, string>();

/** What lstat says about every sentinel entry: enough to see a read, a listing, a write. */
async function stats(): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const relative of ['', ...Object.keys(sentinelFiles), 'deep', '.github', '.github/workflows']) {
    const file = path.join(sentinel, relative);
    try {
      const s = await lstat(file);
      result.set(relative, `${s.ino} ${s.size} atime=${s.atimeMs} mtime=${s.mtimeMs} ctime=${s.ctimeMs}`);
    } catch {
      result.set(relative, 'gone');
    }
  }
  return result;
}

beforeAll(async () => {
  outside = await mkdtemp(path.join(os.tmpdir(), 'trellis-outside-'));
  sentinel = path.join(outside, 'sentinel');
  await mkdir(path.join(sentinel, 'deep'), { recursive: true });
  await mkdir(path.join(sentinel, '.github', 'workflows'), { recursive: true });
  Object.assign(sentinelFiles, {
    'passwd.yaml': 'root:x:0:0\n',
    'team.yaml': await readFile(path.join(fixtures, 'team.yaml'), 'utf8'),
    'scales.yaml': await readFile(path.join(fixtures, 'parts', 'scales.yaml'), 'utf8'),
    'notes.md': '# Private\n',
    'deep/secret.yaml': 'id: secret\n',
    '.github/workflows/ci.yml': 'on: push\n',
  });
  for (const [name, text] of Object.entries(sentinelFiles)) await writeFile(path.join(sentinel, name), text);
  // Access time before modification time, files first, then folders (creating files moved their times).
  for (const relative of [...Object.keys(sentinelFiles), '.github/workflows', '.github', 'deep', '']) {
    await utimes(path.join(sentinel, relative), new Date('2000-01-01'), new Date('2001-01-01'));
  }
  for (const [k, v] of await stats()) initialStats.set(k, v);

  main = await createTestMain();
  await cp(fixtures, main.laddersDir, { recursive: true });
  // Links planted in the user's folders, all pointing at the sentinel.
  await symlink(path.join(sentinel, 'team.yaml'), path.join(main.laddersDir, 'linked.yaml'));
  await symlink(sentinel, path.join(main.laddersDir, 'linked-dir'));
  await symlink(path.join(sentinel, 'scales.yaml'), path.join(main.laddersDir, 'parts', 'linked-scales.yaml'));
  await symlink(path.join(sentinel, 'notes.md'), path.join(main.exportDir, 'notes.md'));
  await writeFile(
    path.join(main.laddersDir, 'climbs.yaml'),
    sentinelFiles['team.yaml']!.replace('id: team', 'id: climbs').replace(
      'include: [parts/scales.yaml]',
      `include: [../../${path.relative(path.dirname(main.dataDir), sentinel)}/scales.yaml]`,
    ),
  );
  await writeFile(
    path.join(main.laddersDir, 'via-link.yaml'),
    sentinelFiles['team.yaml']!.replace('id: team', 'id: via-link').replace(
      'include: [parts/scales.yaml]',
      'include: [linked-dir/scales.yaml, parts/linked-scales.yaml]',
    ),
  );
  // The first list: every planted link is seen by main before the fuzz starts.
  expect(await main.dispatch('ladders:list', undefined)).toMatchObject({ ok: true });
}, 60_000);

afterAll(async () => {
  await main?.dispose();
  await rm(outside, { recursive: true, force: true });
});

const relativeToSentinel = () => path.relative(main.laddersDir, sentinel);
const big = 'x'.repeat(limits.maxBytes + 10);
const bigExport = 'y'.repeat(19_999_999);

/** Strings naming places outside the user's folders, in every form a path or a name can take. */
const hostilePath = fc.oneof(
  fc.constantFrom(
    '/etc/passwd',
    '/etc',
    '/',
    '.',
    '..',
    '../..',
    '~',
    '~/.ssh/id_rsa',
    'C:\\Windows\\System32\\drivers\\etc\\hosts',
    'C:/Windows',
    '\\\\server\\share\\x.yaml',
    '//server/share',
    'file:///etc/passwd',
    '%2e%2e%2fpasswd.yaml',
    '..%2f..%2f',
    'linked.yaml',
    'linked-dir/team.yaml',
    'linked-dir',
    'parts/linked-scales.yaml',
    'notes.md',
    '.github/workflows/ci.yml',
    'ladders',
    'con.md',
    'COM¹.md',
    'a\u0000b.yaml',
    '\u202e.yaml',
  ),
  fc.constant(null).map(() => path.join(relativeToSentinel(), 'team.yaml')),
  fc.constant(null).map(() => sentinel),
  fc.constant(null).map(() => path.join(sentinel, 'passwd.yaml')),
  fc.constant(null).map(() => `../`.repeat(8) + sentinel.slice(1)),
  fc.array(fc.constantFrom('..', '.', 'sentinel', 'linked-dir', 'parts', '%2e%2e', '..\\'), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/')),
  fc.string({ maxLength: 40 }),
);

const hostileKey = fc.oneof(
  hostilePath,
  fc.tuple(fc.constantFrom('user:', 'bundled:', 'other:', ''), hostilePath).map(([origin, p]) => `${origin}${p}`),
  fc.constantFrom('user:linked.yaml', 'user:climbs.yaml', 'user:via-link.yaml', 'user:team.yaml', 'bundled:engineering.yaml'),
);

const hostileText = fc.oneof(
  fc
    .constant(null)
    .map(() => `${sentinelFiles['team.yaml']}`.replace('include: [parts/scales.yaml]', `include: [${path.join('..', relativeToSentinel(), 'scales.yaml')}]`)),
  fc.constant(null).map(() => `${sentinelFiles['team.yaml']}`.replace('include: [parts/scales.yaml]', 'include: [linked-dir/scales.yaml]')),
  fc.constant(null).map(() => `${sentinelFiles['team.yaml']}`.replace('include: [parts/scales.yaml]', `include: [${path.join(sentinel, 'scales.yaml')}]`)),
  fc.constant(big),
  fc.string({ maxLength: 200 }),
);

const hostileUrl = fc.oneof(
  fc.constant(null).map(() => `file://${sentinel}/passwd.yaml`),
  fc.constantFrom('smb://server/share', 'javascript:alert(1)', 'app://trellis/../../etc/passwd', 'data:text/html,x', 'https://user:pw@example.com/'),
  fc.webUrl(),
);

const hostileFiles = fc.oneof(
  fc.array(fc.record({ name: hostilePath, content: fc.string({ maxLength: 20 }) }), { minLength: 1, maxLength: 4 }),
  fc.constant(null).map(() => Array.from({ length: 11 }, (_, i) => ({ name: `${i}.md`, content: bigExport }))),
  fc.constant(null).map(() => [{ name: 'notes.md', content: 'overwrite the link?' }]),
);

/** Every field any operation takes, each with hostile values (and a few valid ones, so calls get far). */
const fields = {
  key: hostileKey,
  text: hostileText,
  baseHash: fc.oneof(fc.constant('0'.repeat(64)), fc.string({ maxLength: 70 })),
  ladderId: fc.oneof(hostilePath, fc.constantFrom('team', 'support', 'engineering', 'climbs', 'via-link')),
  hash: fc.oneof(fc.constant('a'.repeat(64)), hostilePath),
  from: fc.oneof(fc.constant('a'.repeat(64)), hostilePath),
  to: fc.oneof(fc.constant('b'.repeat(64)), hostilePath),
  since: fc.oneof(fc.constant('2020-01-01'), hostilePath),
  trackId: fc.oneof(fc.constant('ic'), hostilePath),
  competencyId: fc.oneof(fc.constant('design'), hostilePath),
  levelId: fc.oneof(fc.constant('L2'), hostilePath),
  criteria: fc.oneof(fc.constant('Writes it down.'), hostileText),
  url: hostileUrl,
  suggestedName: hostilePath,
  content: fc.oneof(fc.string({ maxLength: 50 }), fc.constant(bigExport)),
  kind: fc.constantFrom('markdown', 'calendar', 'csv', 'exe', '../md'),
  title: fc.oneof(fc.constant('Export'), hostilePath),
  files: hostileFiles,
  theme: fc.constantFrom('dark', 'light', 'system', '../../etc'),
  laddersFolder: hostilePath,
  folder: hostilePath,
  path: hostilePath,
  defaultPath: hostilePath,
  requestId: fc.oneof(fc.constant('ab'.repeat(16)), hostilePath),
  exportId: fc.oneof(fc.constant('ab'.repeat(16)), hostilePath),
};

const payloadFor = (channel: Channel) => {
  // The fields this operation declares, plus stray path fields a hostile caller adds.
  const shape = (contract[channel].input as { shape?: Record<string, unknown> }).shape ?? {};
  const own = Object.keys(shape).filter((k): k is keyof typeof fields => k in fields);
  const declared = Object.fromEntries(own.map((k) => [k, fields[k]]));
  return fc.oneof(
    fc.record(declared as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: own }),
    fc.record({ ...declared, folder: fields.folder, path: fields.path, laddersFolder: fields.laddersFolder } as Record<string, fc.Arbitrary<unknown>>, {
      requiredKeys: [],
    }),
    fc.constantFrom(undefined, null, '/etc/passwd', [sentinel]),
  );
};

describe('a compromised renderer reaches nothing outside what the user chose', () => {
  it.each(channels)('%s', async (channel) => {
    // The folder dialogs answer what a user would: the export folder, or cancel.
    await fc.assert(
      fc.asyncProperty(payloadFor(channel), fc.boolean(), async (payload, chooses) => {
        if (chooses && (channel === 'files:export-folder' || channel === 'files:export-begin')) main.chooseFolderAnswers.push(main.exportDir);
        const answer = await main.dispatch(channel, payload);
        main.chooseFolderAnswers.length = 0;
        expect(typeof answer.ok).toBe('boolean');
        expect(await stats()).toEqual(initialStats);
      }),
      { numRuns: channel === 'files:export-folder' || channel === 'ladders:save' ? 60 : 150 },
    );
    // The user's ladders folder is still the one they chose.
    expect(main.store.get('settings') ?? {}).not.toHaveProperty('laddersFolder', expect.stringContaining('sentinel'));
  });

  it('the sentinel is exactly as it was, and every link planted towards it is still only a link', async () => {
    expect(await stats()).toEqual(initialStats);
    for (const [name, text] of Object.entries(sentinelFiles)) expect(await readFile(path.join(sentinel, name), 'utf8'), name).toBe(text);
    expect((await readdir(sentinel)).sort()).toEqual(['.github', 'deep', 'notes.md', 'passwd.yaml', 'scales.yaml', 'team.yaml']);
    // What main said about the planted links, in the user's words.
    const list = await main.dispatch('ladders:list', undefined);
    const ladders = (list as { value: { ladders: { key: string; problems: { code: string }[] }[] } }).value.ladders;
    for (const key of ['user:linked.yaml', 'user:climbs.yaml', 'user:via-link.yaml']) {
      expect(
        ladders.find((l) => l.key === key)?.problems.map((p) => p.code),
        key,
      ).toContain('link-outside-folder');
    }
  });
});

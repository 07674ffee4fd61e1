/**
 * The preload as the build makes it (built here into a temp folder, so this holds on a fresh
 * clone before `npm run build`): it requires nothing but electron, carries no zod, and exposes
 * exactly one function per operation and event of the contract.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { channels, events, methodName, subscriberName } from '../../../shared/ipc/channels';

const root = path.resolve(import.meta.dirname, '../../..');
let outDir: string;
let code: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'trellis-preload-'));
  await build({ root, configFile: path.join(root, 'vite.electron.config.ts'), mode: 'preload', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  code = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
}, 120_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

/** Runs the bundle as Electron's sandboxed preload would, with `require` answering only what we hand it. */
function runPreload() {
  const required: string[] = [];
  const invoked: { channel: string; input: unknown }[] = [];
  const subscribed = new Map<string, (event: unknown, payload: unknown) => void>();
  let exposed: { key: string; api: Record<string, (...args: unknown[]) => unknown> } | null = null;
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => void (exposed = { key, api }) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => void invoked.push({ channel, input }),
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => void subscribed.set(channel, listener),
      removeListener: (channel: string) => void subscribed.delete(channel),
    },
  };
  const require = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`the preload required ${name}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(code, { require, module, exports: module.exports, console });
  return { required, invoked, subscribed, exposed: exposed! };
}

describe('the built preload', () => {
  it('requires nothing but electron', () => {
    const requires = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(runPreload().required).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(|\bprocess\.binding\b/);
  });

  it('is small: names only, no zod and no schemas', () => {
    expect(code.length).toBeLessThan(8_000);
    // (The word "zod" appears in a comment; its code would bring these.)
    expect(code).not.toMatch(/ZodError|safeParse|ZodType|\$constructor/);
  });

  it('exposes exactly one function per operation and event of the contract, frozen', async () => {
    const { exposed, invoked, subscribed } = runPreload();
    expect(exposed.key).toBe('trellis');
    expect(Object.keys(exposed.api).sort()).toEqual([...channels.map(methodName), ...events.map(subscriberName)].sort());
    expect(Object.isFrozen(exposed.api)).toBe(true);
    await exposed.api.laddersGet!({ key: 'user:team.yaml' });
    expect(invoked).toEqual([{ channel: 'ladders:get', input: { key: 'user:team.yaml' } }]);
    const seen: unknown[] = [];
    const unsubscribe = exposed.api.onLaddersChanged!((payload: unknown) => seen.push(payload)) as () => void;
    subscribed.get('ladders:changed')!({ sender: 'ipc' }, { keys: ['user:team.yaml'] });
    expect(seen).toEqual([{ keys: ['user:team.yaml'] }]);
    unsubscribe();
    expect(subscribed.has('ladders:changed')).toBe(false);
  });
});

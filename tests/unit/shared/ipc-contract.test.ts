import { describe, expect, it } from 'vitest';

import { appContract, appEventContract } from '../../../shared/ipc/app';
import { backupContract, backupEventContract } from '../../../shared/ipc/backup';
import { channels, events, isChannel } from '../../../shared/ipc/channels';
import { contract, eventContract } from '../../../shared/ipc/contract';
import { filesContract, filesEventContract } from '../../../shared/ipc/files';
import { ladderImportContract, ladderImportEventContract } from '../../../shared/ipc/ladder-import';
import { laddersContract, laddersEventContract } from '../../../shared/ipc/ladders';
import { lockContract, lockEventContract } from '../../../shared/ipc/lock';
import { methodName, preloadNames, subscriberName } from '../../../shared/ipc/names';
import { packetsContract, packetsEventContract } from '../../../shared/ipc/packets';
import { remindersContract, remindersEventContract } from '../../../shared/ipc/reminders';
import { settingsContract, settingsEventContract } from '../../../shared/ipc/settings';
import { shellContract, shellEventContract } from '../../../shared/ipc/shell';

const domains = {
  app: [appContract, appEventContract],
  settings: [settingsContract, settingsEventContract],
  shell: [shellContract, shellEventContract],
  ladders: [laddersContract, laddersEventContract],
  'ladder-import': [ladderImportContract, ladderImportEventContract],
  files: [filesContract, filesEventContract],
  backup: [backupContract, backupEventContract],
  packets: [packetsContract, packetsEventContract],
  reminders: [remindersContract, remindersEventContract],
  lock: [lockContract, lockEventContract],
} as const;

describe('the contract, one file per domain', () => {
  it.each(Object.entries(domains))('shared/ipc/%s.ts declares only its own operations and events', (domain, [operations, domainEvents]) => {
    for (const name of [...Object.keys(operations), ...Object.keys(domainEvents)]) expect(name.startsWith(`${domain}:`), name).toBe(true);
  });

  it('is exactly the union of the domains: no operation lost to a name declared twice', () => {
    const declared = Object.values(domains).flatMap(([operations]) => Object.keys(operations));
    const declaredEvents = Object.values(domains).flatMap(([, domainEvents]) => Object.keys(domainEvents));
    expect(new Set(declared).size).toBe(declared.length);
    expect(channels).toEqual(declared);
    expect(Object.keys(contract)).toEqual(declared);
    expect(events).toEqual(declaredEvents);
    expect(Object.keys(eventContract)).toEqual(declaredEvents);
  });

  it('knows its channels and nothing inherited', () => {
    expect(isChannel('ladders:list')).toBe(true);
    for (const value of ['toString', '__proto__', 'constructor', 'fs:read', 42, null]) expect(isChannel(value)).toBe(false);
  });

  it('gives the preload the function names of every operation and event', () => {
    const names = preloadNames(channels, events);
    expect(names.operations).toEqual(channels.map((c) => [c, methodName(c)]));
    expect(names.events).toEqual(events.map((e) => [e, subscriberName(e)]));
    expect(methodName('shell:open-external')).toBe('shellOpenExternal');
    expect(subscriberName('ladders:changed')).toBe('onLaddersChanged');
  });
});

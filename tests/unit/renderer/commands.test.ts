import { describe, expect, it } from 'vitest';

import { allCommands, type CommandContext, registerCommands } from '../../../renderer/app/commands';
import { createShortcutMatcher, eventKey, shortcuts } from '../../../renderer/app/shortcuts';
import { oneOnOneCommands } from '../../../renderer/features/one-on-ones/commands';
import { findCommands } from '../../../renderer/features/palette/filter';
import { peopleCommands } from '../../../renderer/features/people/commands';
import type { Person } from '../../../shared/domain/person';

const person = (id: string, name: string): Person => ({ id, name, archived: false, createdAt: 'x', updatedAt: 'x' }) as Person;
const visited: string[] = [];
const context = (people: Person[] = []): CommandContext => ({ navigate: (p) => visited.push(p), repos: {} as never, people, today: '2026-03-02' });

describe('the command registry', () => {
  registerCommands(peopleCommands);
  registerCommands(oneOnOneCommands);

  it('lists the shell’s screens and what each feature registered, once each', () => {
    const ids = allCommands(context([person('p1', 'Zoë Martínez')])).map((c) => c.id);
    expect(ids).toContain('go.today');
    expect(ids).toContain('go.settings');
    expect(ids).toContain('people.open:p1');
    expect(ids).toContain('one-on-ones.start');
    expect(ids).toContain('one-on-ones.queue-point');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('replaces a source registered again under the same id', () => {
    registerCommands({ id: 'test', commands: () => [{ id: 'test.a', label: 'A', group: 'Test', run: () => {} }] });
    registerCommands({ id: 'test', commands: () => [{ id: 'test.b', label: 'B', group: 'Test', run: () => {} }] });
    const ids = allCommands(context()).map((c) => c.id);
    expect(ids).toContain('test.b');
    expect(ids).not.toContain('test.a');
  });

  it('finds commands with folded words, label starts first', () => {
    const commands = allCommands(context([person('p1', 'Zoë Martínez'), person('p2', 'Martin Ode')]));
    expect(findCommands(commands, 'zoe MART', 10).map((c) => c.label)).toEqual(['Zoë Martínez']);
    expect(findCommands(commands, 'mart', 10).map((c) => c.label)).toEqual(['Martin Ode', 'Zoë Martínez']);
    expect(findCommands(commands, 'meeting', 10).map((c) => c.id)).toContain('one-on-ones.start');
    expect(findCommands(commands, 'start', 1).map((c) => c.id)).toEqual(['one-on-ones.start']);
  });

  it('a person command opens the person', async () => {
    const go = allCommands(context([person('p1', 'Alex')])).find((c) => c.id === 'people.open:p1')!;
    await go.run(context(), {});
    expect(visited.at(-1)).toBe('/people/p1');
  });
});

describe('shortcuts', () => {
  it('reads key presses as the table writes them', () => {
    const press = (key: string, mods: Partial<KeyboardEvent> = {}) => eventKey({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });
    expect(press('k', { ctrlKey: true })).toBe('Mod+K');
    expect(press('?')).toBe('?');
    expect(press('g')).toBe('G');
    expect(press('g', { altKey: true })).toBeNull();
  });

  it('follows sequences, lets a stale prefix go, and starts afresh after one that led nowhere', () => {
    const match = createShortcutMatcher(shortcuts, 1000);
    expect(match('G', 0)).toBeNull();
    expect(match('P', 10)?.label).toBe('Go to People');
    expect(match('G', 100)).toBeNull();
    expect(match('S', 2000)?.label).toBe('Start a 1:1 with…');
    expect(match('G', 3000)).toBeNull();
    expect(match('S', 3100)?.label).toBe('Go to Settings');
    expect(match('G', 4000)).toBeNull();
    expect(match('Q', 4100)?.label).toBe('Queue a talking point for…');
    expect(match('X', 5000)).toBeNull();
  });

  it('names only commands that are registered', () => {
    const ids = new Set(allCommands(context()).map((c) => c.id));
    for (const s of shortcuts) if (s.action?.kind === 'command') expect(ids.has(s.action.id)).toBe(true);
  });
});

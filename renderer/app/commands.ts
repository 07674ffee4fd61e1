import type { Person } from '../../shared/domain/person';
import type { Repositories } from './data';
import { sections, settingsSection } from './sections';

/**
 * The command palette's registry. Each feature registers the commands it owns from its index.ts
 * (`registerCommands(...)`); the palette (features/palette, loaded on Ctrl/Cmd+K) lists what is
 * registered. Plain data and functions: nothing here loads a screen.
 */
export interface CommandContext {
  navigate(path: string): void;
  repos: Repositories;
  /** The people in Trellis, archived ones left out. */
  people: readonly Person[];
  /** Today, as an ISO day. */
  today: string;
}

/** What a command asks for before it runs, one step after the other in the palette. */
export type CommandAsk = { kind: 'person'; prompt: string } | { kind: 'text'; prompt: string; placeholder: string };

export interface CommandAnswers {
  person?: Person;
  text?: string;
}

export interface Command {
  /** Unique: `<feature>.<name>`; shortcuts and tests name commands by it. */
  id: string;
  label: string;
  /** The palette's group heading: "Go to", "People", "1:1s". */
  group: string;
  /** More words that find it ("meeting" finds "Start a 1:1"). */
  keywords?: readonly string[];
  ask?: readonly CommandAsk[];
  /** Runs it; a message it returns is announced ("Queued for Alex's next 1:1"). */
  run(context: CommandContext, answers: CommandAnswers): void | string | Promise<void | string>;
}

export interface CommandSource {
  id: string;
  commands(context: CommandContext): Command[];
}

const sources = new Map<string, CommandSource>();

/** A feature adds its commands once, at module load (its index.ts). Registering an id again replaces it. */
export function registerCommands(source: CommandSource): void {
  sources.set(source.id, source);
}

/** Every registered command for this context, in registration order. */
export function allCommands(context: CommandContext): Command[] {
  const seen = new Set<string>();
  const out: Command[] = [];
  for (const source of sources.values())
    for (const command of source.commands(context)) {
      if (seen.has(command.id)) continue;
      seen.add(command.id);
      out.push(command);
    }
  return out;
}

// The shell's own: every screen of the navigation.
registerCommands({
  id: 'app',
  commands: () =>
    [...sections, settingsSection].map((s) => ({
      id: `go.${s.path === '/' ? 'today' : s.path.slice(1)}`,
      label: `Go to ${s.label}`,
      group: 'Go to',
      keywords: ['open', 'screen', s.label],
      run: (ctx: CommandContext) => ctx.navigate(s.path),
    })),
});

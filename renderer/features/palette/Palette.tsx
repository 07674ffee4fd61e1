import './palette.css';
// Features add their commands from their index.ts; loading them here registers them.
import '../one-on-ones';
import '../people';
import '../plans';
import '../growth';

import { Command as Cmdk } from 'cmdk';
import { memo, useCallback, useMemo, useState } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import { useLocation } from 'wouter';

import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import { fold, matchesWords, queryWords } from '../../../shared/domain/text';
import { allCommands, type Command, type CommandAnswers, type CommandContext } from '../../app/commands';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import type { PaletteOpen } from '../../app/palette-open';
import { keyLabel, shortcuts } from '../../app/shortcuts';
import { usePeople } from '../../app/usePeople';
import { useStatus } from '../../ui/Status';
import { openSearchHit, type SearchHit, useSearchStatus } from '../search';
import { findCommands } from './filter';
import { SearchGroups } from './SearchGroups';

interface Pending {
  command: Command;
  step: number;
  answers: CommandAnswers;
}

const MAX_COMMANDS = 8;
const MAX_PEOPLE = 6;

export interface PaletteProps {
  open: NonNullable<PaletteOpen>;
  onClose: () => void;
  onShowShortcuts: () => void;
}

/**
 * The command palette (Ctrl/Cmd+K): commands every feature registers, people, and search over
 * everything, in one list driven by the keyboard. A command that needs a person or some text
 * asks for them in the same box, one step at a time; Backspace in an empty box goes back a step.
 */
export default function Palette({ open, onClose, onShowShortcuts }: PaletteProps) {
  const repos = useRepositories();
  const everyone = usePeople();
  const [, navigate] = useLocation();
  const { announce } = useStatus();
  const people = useMemo(() => (everyone ?? []).filter((p) => !p.archived).sort((a, b) => a.name.localeCompare(b.name)), [everyone]);
  const names = useMemo(() => new Map((everyone ?? []).map((p) => [p.id, p.name])), [everyone]);
  const context: CommandContext = useMemo(() => ({ navigate, repos, people, today: todayIso() }), [navigate, repos, people]);
  const commands = useMemo(() => {
    const shortcuts: Command = {
      id: 'app.shortcuts',
      label: 'Show keyboard shortcuts',
      group: 'Help',
      keywords: ['keys', 'help', '?'],
      run: () => onShowShortcuts(),
    };
    return [...allCommands(context), shortcuts];
  }, [context, onShowShortcuts]);
  const [pending, setPending] = useState<Pending | null>(() => {
    const command = open.commandId ? commands.find((c) => c.id === open.commandId) : undefined;
    return command?.ask?.length ? { command, step: 0, answers: {} } : null;
  });
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = pending?.command.ask?.[pending.step];

  const run = useCallback(
    async (command: Command, answers: CommandAnswers) => {
      setBusy(true);
      setError(null);
      try {
        const message = await command.run(context, answers);
        onClose();
        if (message) announce(message);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    },
    [context, onClose, announce],
  );

  // Stable, so the lists below are not drawn again for a keystroke that does not change them.
  const choose = useCallback(
    (command: Command) => {
      if (command.ask?.length) {
        setPending({ command, step: 0, answers: {} });
        setQuery('');
      } else void run(command, {});
    },
    [run],
  );

  /** The answer to the current step: the next step, or the command runs. */
  const answer = (patch: CommandAnswers) => {
    if (!pending) return;
    const answers = { ...pending.answers, ...patch };
    const step = pending.step + 1;
    if (step < (pending.command.ask?.length ?? 0)) {
      setPending({ ...pending, step, answers });
      setQuery('');
    } else void run(pending.command, answers);
  };

  const back = () => {
    if (!pending) return;
    setPending(pending.step === 0 ? null : { ...pending, step: pending.step - 1 });
    setError(null);
  };

  const openHit = useCallback(
    (hit: SearchHit) => {
      onClose();
      openSearchHit(hit, navigate);
    },
    [onClose, navigate],
  );

  const placeholder = ask
    ? ask.kind === 'person'
      ? `${ask.prompt}… (type a name)`
      : ask.placeholder
    : open.mode === 'search'
      ? 'Search notes, people, action items, ladders…'
      : 'Type a command, a person, or words to search…';
  const inputLabel = ask ? ask.prompt : open.mode === 'search' ? 'Search' : 'Command or search';

  return (
    <ModalOverlay className="modal-overlay palette-overlay" isOpen onOpenChange={(isOpen) => !isOpen && onClose()} isDismissable>
      <Modal className="modal palette">
        <Dialog className="palette__dialog" aria-label={open.mode === 'search' && !pending ? 'Search' : 'Command palette'}>
          <Cmdk label={inputLabel} shouldFilter={false} loop>
            {pending && (
              <div className="palette__step">
                <span className="palette__step-command">{pending.command.label.replace('…', '')}</span>
                {pending.answers.person && <span className="palette__chip">{pending.answers.person.name}</span>}
              </div>
            )}
            <Cmdk.Input
              autoFocus
              className="palette__input"
              value={query}
              onValueChange={(v) => {
                setQuery(v);
                setError(null);
              }}
              placeholder={placeholder}
              onKeyDown={(e) => {
                if (e.key === 'Backspace' && query === '' && pending) {
                  e.preventDefault();
                  back();
                }
              }}
            />
            {error && (
              <p className="palette__error" role="alert">
                {error}
              </p>
            )}
            <Cmdk.List className="palette__list" label={ask ? (ask.kind === 'person' ? 'People' : 'Confirm') : 'Results'}>
              {!ask && <RootItems query={query} mode={open.mode} commands={commands} onChoose={choose} onOpenHit={openHit} names={names} />}
              {ask?.kind === 'person' && <PersonItems query={query} people={people} onChoose={(person) => answer({ person })} />}
              {ask?.kind === 'text' && pending && (
                <Cmdk.Item value="confirm" disabled={!query.trim() || busy} onSelect={() => answer({ text: query })}>
                  {query.trim() ? (
                    <span>
                      {pending.command.label.replace('…', '')} <strong>{pending.answers.person?.name}</strong>: “{query.trim()}”
                    </span>
                  ) : (
                    <span className="muted">Type the talking point, then press Enter</span>
                  )}
                </Cmdk.Item>
              )}
            </Cmdk.List>
            <PaletteFooter stepping={pending !== null} />
          </Cmdk>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/**
 * Commands and search results for the query. Each keystroke draws the palette again; these parts
 * and their rows are memoised, so React leaves alone every row a keystroke does not change (at
 * five years of notes the whole list drawn again cost 8–10 ms a keystroke).
 */
const RootItems = memo(function RootItems({
  query,
  mode,
  commands,
  onChoose,
  onOpenHit,
  names,
}: {
  query: string;
  mode: 'commands' | 'search';
  commands: readonly Command[];
  onChoose: (c: Command) => void;
  onOpenHit: (hit: SearchHit) => void;
  names: ReadonlyMap<string, string>;
}) {
  const trimmed = query.trim();
  const found = useMemo(() => {
    // With nothing typed: the actions first, then the screens.
    if (!trimmed)
      return mode === 'search' ? [] : [...commands.filter((c) => c.group !== 'People' && c.group !== 'Go to'), ...commands.filter((c) => c.group === 'Go to')];
    const matched = findCommands(commands, trimmed, MAX_COMMANDS + MAX_PEOPLE);
    const people = matched.filter((c) => c.group === 'People').slice(0, MAX_PEOPLE);
    return [...matched.filter((c) => c.group !== 'People').slice(0, MAX_COMMANDS), ...people];
  }, [commands, trimmed, mode]);
  const commandGroups = useMemo(() => {
    const byGroup = new Map<string, Command[]>();
    for (const c of found) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
    return [...byGroup].map(([group, list]) => (
      <Cmdk.Group key={group} heading={group}>
        {list.map((c) => (
          <CommandRow key={c.id} command={c} onChoose={onChoose} />
        ))}
      </Cmdk.Group>
    ));
  }, [found, onChoose]);
  const results = <SearchGroups query={trimmed} onOpenHit={onOpenHit} names={names} />;
  return (
    <>
      {mode === 'search' ? (
        <>
          {results}
          {commandGroups}
        </>
      ) : (
        <>
          {commandGroups}
          {results}
        </>
      )}
    </>
  );
});

/** One command: memoised, so a keystroke that keeps it in the list leaves its row alone. */
const CommandRow = memo(function CommandRow({ command, onChoose }: { command: Command; onChoose: (c: Command) => void }) {
  return (
    <Cmdk.Item value={`command:${command.id}`} onSelect={() => onChoose(command)}>
      {command.label}
      {command.group === 'People' ? <span className="palette__hint">Person</span> : <ShortcutHint command={command} />}
    </Cmdk.Item>
  );
});

/** The keys that run a command without the palette, when it has some. */
function ShortcutHint({ command }: { command: Command }) {
  const shortcut = shortcuts.find(
    (s) =>
      (s.action?.kind === 'command' && s.action.id === command.id) ||
      (s.action?.kind === 'navigate' && command.id === `go.${s.action.path === '/' ? 'today' : s.action.path.slice(1)}`),
  );
  if (!shortcut) return null;
  return (
    <span className="palette__hint palette__keys">
      {shortcut.keys.map((k) => (
        <kbd key={k}>{keyLabel(k)}</kbd>
      ))}
    </span>
  );
}

function PersonItems({ query, people, onChoose }: { query: string; people: readonly Person[]; onChoose: (p: Person) => void }) {
  const words = queryWords(query);
  const shown = people.filter((p) => matchesWords(fold(`${p.name} ${p.title ?? ''}`), words)).slice(0, 50);
  if (shown.length === 0) return <Cmdk.Empty>No one called “{query}”.</Cmdk.Empty>;
  return (
    <Cmdk.Group heading="People">
      {shown.map((p) => (
        <Cmdk.Item key={p.id} value={`person:${p.id}`} onSelect={() => onChoose(p)}>
          {p.name}
          {p.title && <span className="palette__hint">{p.title}</span>}
        </Cmdk.Item>
      ))}
    </Cmdk.Group>
  );
}

const PaletteFooter = memo(function PaletteFooter({ stepping }: { stepping: boolean }) {
  const status = useSearchStatus();
  return (
    <div className="palette__footer">
      <span>
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> choose ·{' '}
        {stepping ? (
          <>
            <kbd>⌫</kbd> back ·{' '}
          </>
        ) : null}
        <kbd>Esc</kbd> close
      </span>
      {/* data-index-from: whether this start loaded the saved index or built it (tests and the bench read it). */}
      <span aria-live="polite" data-index-from={status.from}>
        {status.state === 'building'
          ? `Indexing… ${status.documents.toLocaleString()} records so far`
          : status.state === 'failed'
            ? 'Search is not available'
            : `${status.documents.toLocaleString()} records searchable`}
      </span>
    </div>
  );
});

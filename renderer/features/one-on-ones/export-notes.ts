import { ChunkBuffer, type ChunkLimits } from '../../../shared/domain/export-chunks';
import { uniqueNamer } from '../../../shared/domain/file-names';
import { type ExportFile, meetingFile, type User } from '../../../shared/domain/markdown-export';
import type { Person } from '../../../shared/domain/person';
import type { Repositories } from '../../app/data';

/**
 * "Export notes" at any size: a page of one person's meetings at a time (read through [personId+date]),
 * files built in slices that give the main thread back every few milliseconds, and sent to main
 * in bounded chunks with at most one in flight while the next is built. Nothing here holds more
 * than a page of meetings and two chunks.
 */

export interface ExportProgress {
  done: number;
  total: number;
}

export interface NotesExportRun {
  repos: Pick<Repositories, 'people' | 'meetings' | 'actionItems'>;
  /** Whose notes; null for everyone's. */
  person: Pick<Person, 'id' | 'name'> | null;
  /** The user ("This is me"), named in the files instead of "Me". */
  user?: User;
  /** Sends one chunk to main (files:export-chunk). */
  send: (files: ExportFile[]) => Promise<void>;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  limits?: ChunkLimits;
  /** Milliseconds of building before giving the main thread back. */
  sliceMs?: number;
}

/**
 * What the renderer sends per message: well inside main's bounds (MAX_EXPORT_CHUNK_FILES / _CHARS),
 * because each message is copied in one task on the renderer's main thread; about 1 MB keeps it short.
 */
export const EXPORT_CHUNK_LIMITS: ChunkLimits = { maxFiles: 100, maxChars: 1_000_000 };

/** Meetings read per query (a few hundred kB of notes at most). */
const PAGE_MEETINGS = 40;

/** Gives the main thread back (a macrotask, not clamped like nested timers). */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelled';
  }
}

/** How many meetings an export of `person` (null: everyone) would hold: a key count. */
export const countNotes = (repos: NotesExportRun['repos'], person: Pick<Person, 'id'> | null) => repos.meetings.count(person?.id);

/** Streams the files of the export through `send`; resolves to how many files were sent. */
export async function streamNotesExport(run: NotesExportRun): Promise<number> {
  const { repos, person, signal, onProgress } = run;
  const limits = run.limits ?? EXPORT_CHUNK_LIMITS;
  const sliceMs = run.sliceMs ?? 8;
  const check = () => {
    if (signal?.aborted) throw new ExportCancelled();
  };
  const people = person ? [person] : await repos.people.list();
  const total = await countNotes(repos, person);
  const buffer = new ChunkBuffer<ExportFile>(limits);
  const uniqueName = uniqueNamer();
  let inFlight: Promise<void> = Promise.resolve();
  let sent = 0;
  let done = 0;
  const dispatch = async (chunk: ExportFile[] | null) => {
    if (!chunk) return;
    await inFlight;
    check();
    inFlight = run.send(chunk);
    // A failure is seen at the next await of inFlight; keep it from being reported as unhandled meanwhile.
    inFlight.catch(() => {});
    sent += chunk.length;
  };
  onProgress?.({ done, total });
  for (const p of people) {
    check();
    // A page of meetings at a time: one person's whole history read (and parsed) at once was
    // the longest task of the export at the large set.
    for await (const meetings of repos.meetings.pagesForPerson(p.id, PAGE_MEETINGS)) {
      check();
      const itemsByMeeting = await repos.actionItems.byMeeting(meetings.map((m) => m.id));
      let sliceStart = performance.now();
      for (const meeting of meetings) {
        const file = meetingFile(meeting, p, itemsByMeeting.get(meeting.id) ?? [], { user: run.user ?? null });
        await dispatch(buffer.add({ name: uniqueName(file.name), content: file.content }));
        done += 1;
        if (performance.now() - sliceStart > sliceMs) {
          onProgress?.({ done, total: Math.max(total, done) });
          await yieldToMain();
          check();
          sliceStart = performance.now();
        }
      }
    }
    onProgress?.({ done, total: Math.max(total, done) });
  }
  await dispatch(buffer.take());
  await inFlight;
  check();
  return sent;
}

import type { FrozenLadderRef } from '../../shared/evidence/refs';
import { type PacketDraft, packetDraftSchema, type PacketSummary } from '../../shared/packets/model';
import { emptySummary } from '../../shared/packets/model';
import { generateSigningKey, type SigningKeyRow } from '../../shared/packets/signing';
import type { TrellisDatabase } from './database';
import { NotFoundError } from './errors';

/** How many packets a screen lists at most (a manager writes a few a year). */
export const PACKETS_LISTED = 500;

export interface NewPacket {
  personId: string;
  ladder: FrozenLadderRef;
  trackId: string;
  levelId: string;
  period: { from: string; to: string };
}

/** What the builder's autosave writes: everything the manager edits. */
export type PacketPatch = Pick<PacketDraft, 'summary' | 'criteria' | 'period'>;

const SIGNING_KEY_ID = 'packets';

/** Promotion packet drafts and the one signing key. */
export class PacketsRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: NewPacket, summary: Partial<PacketSummary> = {}): Promise<PacketDraft> {
    const at = this.now().toISOString();
    const draft = packetDraftSchema.parse({
      id: crypto.randomUUID(),
      ...input,
      summary: { ...emptySummary, ...summary },
      criteria: [],
      createdAt: at,
      updatedAt: at,
    });
    await this.db.packets.add(draft);
    return draft;
  }

  get(id: string): Promise<PacketDraft | undefined> {
    return this.db.packets.get(id);
  }

  /** Newest first, at most PACKETS_LISTED. */
  listRecent(): Promise<PacketDraft[]> {
    return this.db.packets.orderBy('updatedAt').reverse().limit(PACKETS_LISTED).toArray();
  }

  forPerson(personId: string): Promise<PacketDraft[]> {
    return this.db.packets.where('personId').equals(personId).limit(PACKETS_LISTED).toArray();
  }

  async save(id: string, patch: PacketPatch): Promise<PacketDraft> {
    return this.db.transaction('rw', this.db.packets, async () => {
      const current = await this.db.packets.get(id);
      if (!current) throw new NotFoundError('This packet');
      const next = packetDraftSchema.parse({ ...current, ...patch, updatedAt: this.now().toISOString() });
      await this.db.packets.put(next);
      return next;
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.packets.delete(id);
  }

  /** The signing key, made once on first use. Two windows racing keep the first one written. */
  async signingKey(): Promise<SigningKeyRow> {
    const existing = await this.db.signingKeys.get(SIGNING_KEY_ID);
    if (existing) return existing;
    const made = await generateSigningKey();
    const row: SigningKeyRow = { id: SIGNING_KEY_ID, ...made, createdAt: this.now().toISOString() };
    return this.db.transaction('rw', this.db.signingKeys, async () => {
      const raced = await this.db.signingKeys.get(SIGNING_KEY_ID);
      if (raced) return raced;
      await this.db.signingKeys.add(row);
      return row;
    });
  }

  /** The public fingerprint, without making a key. */
  async signingFingerprint(): Promise<string | null> {
    return (await this.db.signingKeys.get(SIGNING_KEY_ID))?.fingerprint ?? null;
  }
}

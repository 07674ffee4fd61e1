import { z } from 'zod';

import { type FrozenLadderRef, frozenLadderRefSchema } from './refs';

/**
 * Exchange files: JSON that leaves one Trellis and is read by another (a self-assessment sent to a
 * manager, a packet sent to a committee). The sha256 covers the canonical form of everything but
 * itself and the signature, so any change — by accident or on purpose — is detected on import. A
 * signature (issue "packets") may be added on top to show who sent it.
 */

/** JSON with object keys sorted and no whitespace: the same data always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Exchange files cannot hold NaN or Infinity');
  return value;
}

/** sha256 in hex through WebCrypto, which both the renderer and Node 20 have. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const signatureSchema = z
  .object({
    algorithm: z.literal('Ed25519'),
    /** base64 of the raw public key, so a reader can check it without anything else. */
    publicKey: z.string().min(1).max(200),
    /** sha256 of the raw public key, in hex: what the reader shows and remembers. */
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    /** base64 of the signature over the canonical content (the same bytes the sha256 covers). */
    value: z.string().min(1).max(400),
  })
  .strict();
export type ExchangeSignature = z.output<typeof signatureSchema>;

export const exchangeEnvelopeSchema = z
  .object({
    format: z.string().regex(/^trellis\.[a-z-]+$/),
    formatVersion: z.number().int().min(1),
    exporter: z.object({ app: z.literal('Trellis'), version: z.string().min(1).max(40) }).strict(),
    exportedAt: z.string().min(1).max(40),
    ladder: frozenLadderRefSchema,
    content: z.unknown(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    signature: signatureSchema.optional(),
  })
  .strict();
export type ExchangeEnvelope = z.output<typeof exchangeEnvelopeSchema>;

export interface ExchangeHeader {
  format: string;
  formatVersion: number;
  exporterVersion: string;
  exportedAt: string;
  ladder: FrozenLadderRef;
}

/** The bytes the hash and a signature cover: everything but `sha256` and `signature`. */
export function signedPart(envelope: Omit<ExchangeEnvelope, 'sha256' | 'signature'>): string {
  const { format, formatVersion, exporter, exportedAt, ladder, content } = envelope;
  return canonicalJson({ format, formatVersion, exporter, exportedAt, ladder, content });
}

/** Builds an exchange file's envelope with its hash. `content` must already be shareable (privacy.ts). */
export async function sealExchange(header: ExchangeHeader, content: unknown): Promise<ExchangeEnvelope> {
  const body = {
    format: header.format,
    formatVersion: header.formatVersion,
    exporter: { app: 'Trellis' as const, version: header.exporterVersion },
    exportedAt: header.exportedAt,
    ladder: header.ladder,
    content,
  };
  return { ...body, sha256: await sha256Hex(signedPart(body)) };
}

/** Pretty JSON for the file on disk (the hash does not depend on the layout). */
export function exchangeFileText(envelope: ExchangeEnvelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export type ExchangeProblem =
  | { code: 'not-json'; message: string }
  | { code: 'not-an-exchange-file'; message: string }
  | { code: 'wrong-format'; message: string }
  | { code: 'newer-format'; message: string }
  | { code: 'changed'; message: string }
  | { code: 'invalid-content'; message: string };

export type OpenedExchange<T> = { ok: true; envelope: ExchangeEnvelope; content: T } | { ok: false; problem: ExchangeProblem };

/** Line and column of a JSON.parse error position, for a message a person can act on. */
function positionOf(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(String(error instanceof Error ? error.message : error));
  if (!match) return '';
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

/**
 * Reads and checks an exchange file: JSON, envelope, format, version and hash, then the content
 * against the caller's schema. Every refusal names its reason; nothing is trusted before the hash.
 */
export async function openExchange<T>(
  text: string,
  expected: { format: string; maxFormatVersion: number; content: z.ZodType<T>; label: string },
): Promise<OpenedExchange<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { code: 'not-json', message: `This file is not valid JSON${positionOf(text, error)}, so it is not a ${expected.label}.` } };
  }
  const parsed = exchangeEnvelopeSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'the file';
    return { ok: false, problem: { code: 'not-an-exchange-file', message: `This is not a Trellis ${expected.label}: ${where} is missing or wrong.` } };
  }
  const envelope = parsed.data;
  if (envelope.format !== expected.format) {
    return { ok: false, problem: { code: 'wrong-format', message: `This file is a ${envelope.format} file, not a ${expected.label}.` } };
  }
  if (envelope.formatVersion > expected.maxFormatVersion) {
    return {
      ok: false,
      problem: {
        code: 'newer-format',
        message: `This ${expected.label} was made by a newer Trellis (${envelope.exporter.version}, format ${envelope.formatVersion}); update Trellis to read it.`,
      },
    };
  }
  const actual = await sha256Hex(signedPart(envelope));
  if (actual !== envelope.sha256) {
    return {
      ok: false,
      problem: { code: 'changed', message: `This ${expected.label} was changed after it was exported: its content no longer matches its sha256.` },
    };
  }
  const content = expected.content.safeParse(envelope.content);
  if (!content.success) {
    const issue = content.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'content';
    return {
      ok: false,
      problem: { code: 'invalid-content', message: `This ${expected.label} has invalid content at ${where}: ${issue?.message ?? 'unknown problem'}.` },
    };
  }
  return { ok: true, envelope, content: content.data };
}

/**
 * A self-assessment as an exchange file: an engineer exports it from their own Trellis, their
 * manager imports it. The envelope, hash and generic refusals are shared/evidence's
 * (sealExchange / openExchange); this module decides what of an assessment goes in (only what
 * privacy.ts lets leave, and then only the fields named here) and what an import checks on top:
 * the person, the ladder version, and whether the same file was imported already.
 */
import { z } from 'zod';

import { exchangeFileText, type ExchangeProblem, openExchange, sealExchange } from '../evidence/exchange';
import { shareable } from '../evidence/privacy';
import { competencyIdsOf, type FrozenLadderRef } from '../evidence/refs';
import { type Assessment, periodSchema, ratingSchema } from './assessments';
import { fold } from './text';

export const SELF_ASSESSMENT_FORMAT = 'trellis.self-assessment';
export const SELF_ASSESSMENT_FORMAT_VERSION = 1;
const label = 'self-assessment file';

export const selfAssessmentContentSchema = z
  .object({
    person: z.object({ name: z.string().min(1).max(120), email: z.string().max(254).optional() }).strict(),
    assessment: z
      .object({
        id: z.string().min(1).max(200),
        chainId: z.string().min(1).max(200),
        revision: z.number().int().min(1),
        trackId: z.string().min(1).max(200),
        levelId: z.string().min(1).max(200),
        period: periodSchema,
        finishedAt: z.string().min(1).max(40),
        ratings: z.array(ratingSchema).max(2_000),
        summary: z.string().max(20_000),
      })
      .strict(),
  })
  .strict();
export type SelfAssessmentContent = z.output<typeof selfAssessmentContentSchema>;

export interface ExportRequest {
  assessment: Assessment;
  person: { name: string; email?: string | undefined };
  exporterVersion: string;
  now: Date;
}

export type ExportRefusal = { ok: false; message: string };

/** The file's text, or why this assessment cannot be exported. */
export async function exportSelfAssessment({
  assessment,
  person,
  exporterVersion,
  now,
}: ExportRequest): Promise<{ ok: true; text: string; sha256: string } | ExportRefusal> {
  if (assessment.kind !== 'self') return { ok: false, message: 'Only a self-assessment can be exported as a self-assessment file.' };
  if (assessment.status !== 'finished' || !assessment.finishedAt) return { ok: false, message: 'Finish the self-assessment before exporting it.' };
  const shared = shareable('assessments', assessment);
  if (!shared) return { ok: false, message: 'This assessment is private: it never leaves this computer.' };
  // Field by field, so a field added to assessments later stays home until someone adds it here.
  const content: SelfAssessmentContent = {
    person: { name: person.name, ...(person.email ? { email: person.email } : {}) },
    assessment: {
      id: shared.id,
      chainId: shared.chainId,
      revision: shared.revision,
      trackId: shared.trackId,
      levelId: shared.levelId,
      period: shared.period,
      finishedAt: assessment.finishedAt,
      ratings: shared.ratings,
      summary: shared.summary,
    },
  };
  const envelope = await sealExchange(
    {
      format: SELF_ASSESSMENT_FORMAT,
      formatVersion: SELF_ASSESSMENT_FORMAT_VERSION,
      exporterVersion,
      exportedAt: now.toISOString(),
      ladder: assessment.ladder,
    },
    content,
  );
  return { ok: true, text: exchangeFileText(envelope), sha256: envelope.sha256 };
}

export type ImportRefusalCode = ExchangeProblem['code'] | 'other-person' | 'unknown-ladder' | 'unknown-version';

export interface ImportContext {
  /** The person the manager is importing for. */
  person: { id: string; name: string; email?: string | undefined };
  /** Versions of the file's ladder this Trellis has stored (main's version store), newest first; empty when the ladder is unknown. */
  storedVersions: readonly { hash: string; version: string }[];
  /** The ladder's name, for messages (null when this Trellis does not know the ladder). */
  ladderName: string | null;
  /** Hash of the version in use now. */
  currentHash: string | null;
  /** Whether an assessment imported from a file with this sha256 exists already. */
  alreadyImported(sha256: string): Promise<boolean> | boolean;
  now: Date;
}

export type ImportOutcome =
  | { status: 'refused'; code: ImportRefusalCode; message: string }
  | { status: 'duplicate'; message: string }
  | { status: 'ready'; assessment: Assessment; warnings: string[]; content: SelfAssessmentContent; ladder: FrozenLadderRef };

const short = (hash: string) => hash.slice(0, 12);

/** Reads a self-assessment file for `ctx.person`: the assessment to store, or the exact reason it is refused. */
export async function importSelfAssessment(text: string, ctx: ImportContext): Promise<ImportOutcome> {
  const opened = await openExchange(text, {
    format: SELF_ASSESSMENT_FORMAT,
    maxFormatVersion: SELF_ASSESSMENT_FORMAT_VERSION,
    content: selfAssessmentContentSchema,
    label,
  });
  if (!opened.ok) return { status: 'refused', code: opened.problem.code, message: opened.problem.message };
  const { envelope, content } = opened;
  const warnings: string[] = [];

  const who = content.person;
  const fileWho = who.email ? `${who.name} <${who.email}>` : who.name;
  const here = ctx.person.email ? `${ctx.person.name} <${ctx.person.email}>` : ctx.person.name;
  const sameEmail = who.email && ctx.person.email ? who.email.toLowerCase() === ctx.person.email.toLowerCase() : null;
  const sameName = fold(who.name) === fold(ctx.person.name);
  if (sameEmail === false || (sameEmail === null && !sameName)) {
    return { status: 'refused', code: 'other-person', message: `This self-assessment is by ${fileWho}, not by ${here}. Import it on that person's page.` };
  }
  if (sameEmail && !sameName) warnings.push(`The file names the person "${who.name}"; the email matches ${ctx.person.name}.`);

  const ref = envelope.ladder;
  if (ctx.storedVersions.length === 0 || ctx.ladderName === null) {
    return {
      status: 'refused',
      code: 'unknown-ladder',
      message: `This self-assessment was made against the ladder "${ref.ladderId}", which this Trellis does not have. Add that ladder to your ladders folder, then import again.`,
    };
  }
  if (!ctx.storedVersions.some((v) => v.hash === ref.hash)) {
    const ours = ctx.storedVersions.map((v) => v.version);
    return {
      status: 'refused',
      code: 'unknown-version',
      message: `This self-assessment was made against ${ctx.ladderName} version ${ref.version} (content ${short(ref.hash)}), which this Trellis has never had (it knows ${[...new Set(ours)].join(', ')}). Ask for a file made against your version, or open that version of the ladder here first.`,
    };
  }
  if (ctx.currentHash && ref.hash !== ctx.currentHash) {
    const current = ctx.storedVersions.find((v) => v.hash === ctx.currentHash)?.version ?? 'a newer version';
    warnings.push(
      `It was made against ${ctx.ladderName} version ${ref.version}; the ladder in use is ${current}. It stays frozen against ${ref.version} and shows what changed.`,
    );
  }
  if (text !== exchangeFileText(envelope)) warnings.push('The file’s layout was changed after it was exported; its content still matches its sha256.');

  if (await ctx.alreadyImported(envelope.sha256)) {
    return { status: 'duplicate', message: `This self-assessment (revision ${content.assessment.revision}) was imported already; nothing changed.` };
  }

  const a = content.assessment;
  const stamp = ctx.now.toISOString();
  const criteria = a.ratings.map((r) => r.ref);
  const assessment: Assessment = {
    id: importedAssessmentId(envelope.sha256),
    personId: ctx.person.id,
    date: a.period.to,
    visibility: 'shareable',
    criteria,
    competencyIds: competencyIdsOf(criteria),
    kind: 'self',
    ladder: ref,
    trackId: a.trackId,
    levelId: a.levelId,
    period: a.period,
    status: 'finished',
    revision: a.revision,
    chainId: `imported:${a.chainId}`,
    ratings: a.ratings,
    summary: a.summary,
    privateNotes: '',
    importedFrom: {
      sha256: envelope.sha256,
      exportedAt: envelope.exportedAt,
      exporterVersion: envelope.exporter.version,
      personName: who.name,
      ...(who.email ? { personEmail: who.email } : {}),
      importedAt: stamp,
    },
    createdAt: stamp,
    updatedAt: stamp,
    finishedAt: a.finishedAt,
  };
  return { status: 'ready', assessment, warnings, content, ladder: ref };
}

/** The same file always becomes the same record, so importing it twice cannot add a second. */
export function importedAssessmentId(sha256: string): string {
  return `imported-${sha256.slice(0, 40)}`;
}

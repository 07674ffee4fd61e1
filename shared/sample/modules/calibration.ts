import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

import { emptyDecision, setOutcome } from '../../calibration/decisions';
import type { CalibrationSession, Decision, DecisionOutcome, SessionLogEntry, SessionPacket } from '../../calibration/model';
import { exchangeFileText, signedPart } from '../../evidence/exchange';
import { PACKET_FORMAT, PACKET_FORMAT_VERSION } from '../../packets/exchange';
import { type PacketContent, packetContentSchema } from '../../packets/model';
import type { SampleContext, SampleModule } from '../context';
import { stampAt, toDay } from '../days';
import { sampleLadder, sampleLevels } from './assessments';
import { sampleLevelTitles, sampleTargetCriteria, sampleTrack } from './sample-criteria';

const narratives = [
  'She led the design of the billing ledger and reviewed every change; two teams now build on it.',
  'He ran the incident reviews this half and his write-ups changed how the on-call rota works.',
  'They onboarded three engineers and paired with each until they shipped on their own.',
  'She explained the caching trade-offs to product in words her manager could repeat.',
  'He took over the search migration when it stalled and finished it himself, a month early.',
];
const rationales = ['Clear scope beyond the team, with examples for every criterion.', 'Strong delivery; the wider influence is not shown yet.', ''];
const questions = ['Mentoring outside the team?', '', 'Is the design work theirs or the team’s?'];

/**
 * One calibration session as a committee would have it part-way: packets for the engineers the
 * sample can promote (one level up on the shipped engineering ladder's IC track, arguing for the
 * criteria that level really asks: sample-criteria.ts), opened as unsigned files whose sha256
 * is real, so they read back exactly like opened ones; some decided, one changed with a reason,
 * one name shown; the log says so with times. Signed packets are not made here (the generator is
 * synchronous; WebCrypto is not), so the key table stays empty.
 */
export const calibrationModule: SampleModule = {
  id: 'calibration',
  fills: ['calibrationSessions', 'sessionPackets', 'decisions', 'sessionLog'],
  after: ['org'],
  generate(ctx: SampleContext) {
    const { rng } = ctx;
    const people = ctx.tables.people.filter((p) => !p.archived && p.track === 'engineering' && sampleLevels.slice(0, -1).includes(p.level as never));
    if (people.length === 0) return;
    const candidates = rng.sample(people, Math.min(people.length, ctx.sizeName === 'small' ? 6 : 12));
    const today = toDay(ctx.today);
    const opened = stampAt(today - 3, '09:30');
    const session: CalibrationSession = {
      id: rng.uuid(),
      name: 'Engineering promotions (sample)',
      scope: 'Engineers proposed for their next level this half',
      createdAt: stampAt(today - 3, '09:00'),
      updatedAt: stampAt(today - 1, '16:00'),
    };
    ctx.tables.calibrationSessions.push(session);
    const log: SessionLogEntry[] = [{ id: rng.uuid(), sessionId: session.id, at: session.createdAt, kind: 'created', detail: session.name }];
    const names = new Map(ctx.tables.people.map((p) => [p.id, p.name]));
    const teams = new Map(ctx.tables.teams.map((t) => [t.id, t.name]));
    const files: string[] = [];
    candidates.forEach((person, position) => {
      const level = person.level!;
      const next = sampleLevels[sampleLevels.indexOf(level as (typeof sampleLevels)[number]) + 1]!;
      const content: PacketContent = packetContentSchema.parse({
        person: {
          name: person.name,
          ...(person.title ? { title: person.title } : {}),
          ...(person.teamId && teams.get(person.teamId) ? { team: teams.get(person.teamId) } : {}),
        },
        preparedBy: person.managerId && names.get(person.managerId) ? { name: names.get(person.managerId) } : null,
        ladderName: 'Engineering',
        target: {
          trackId: sampleTrack.id,
          trackName: sampleTrack.name,
          levelId: next,
          levelTitle: sampleLevelTitles[next] ?? next,
          currentLevelTitle: sampleLevelTitles[level] ?? level,
          ...(person.levelSince ? { levelSince: person.levelSince } : {}),
        },
        period: { from: ctx.today.replace(/^(\d{4})/, (y) => String(Number(y) - 1)), to: ctx.today },
        summary: {
          role: person.title ?? 'Software engineer',
          timeInLevel: '',
          scope: 'Their team and the teams that build on its services.',
          keyProjects: rng.pick(narratives),
          mentoring: 'Pairs with new joiners; reviews across two teams.',
          advocates: '',
          gaps: 'Wider influence beyond the team.',
        },
        // What the shipped ladder's level asks, criterion by criterion, as the packet builder would list it.
        criteria: (sampleTargetCriteria[next] ?? []).map((criterion) => ({
          ...criterion,
          narrative: rng.pick(narratives),
          evidence: [{ kind: 'assessment', date: ctx.today, title: 'Manager assessment', note: '' }],
        })),
      });
      const body = {
        format: PACKET_FORMAT,
        formatVersion: PACKET_FORMAT_VERSION,
        exporter: { app: 'Trellis' as const, version: '0.1.0' },
        exportedAt: stampAt(today - 4, '17:00'),
        ladder: { ...sampleLadder },
        content,
      };
      const text = exchangeFileText({ ...body, sha256: bytesToHex(sha256(new TextEncoder().encode(signedPart(body)))) });
      const fileName = `${person.name.replace(/[^\p{L}\p{N} ._-]/gu, '')} packet ${next}.json`;
      files.push(fileName);
      const packet: SessionPacket = {
        id: rng.uuid(),
        sessionId: session.id,
        fileName,
        text,
        openedAt: opened,
        position,
        fingerprint: null,
        flags: [{ flag: 'unsigned', message: 'Not signed: nothing shows who sent it.' }],
      };
      ctx.tables.sessionPackets.push(packet);
      let decision: Decision = { ...emptyDecision(packet.id, session.id, opened), rationale: rng.pick(rationales), openQuestions: rng.pick(questions) };
      // The first half of the candidates are decided; one of them was changed later, with a reason.
      if (position < Math.ceil(candidates.length / 2)) {
        const outcome: DecisionOutcome = rng.pick(['promote', 'not-yet', 'defer'] as const);
        const first = setOutcome(decision, outcome, stampAt(today - 2, '10:00', position * 7));
        decision = first.decision;
        log.push({ id: rng.uuid(), ...first.log! });
        if (position === 0) {
          const changed = setOutcome(
            decision,
            outcome === 'promote' ? 'defer' : 'promote',
            stampAt(today - 1, '15:00'),
            'The incident review came in and changed the picture.',
          );
          decision = changed.decision;
          log.push({ id: rng.uuid(), ...changed.log! });
          log.push({ id: rng.uuid(), sessionId: session.id, at: stampAt(today - 1, '15:05'), kind: 'revealed', packetId: packet.id });
        }
      }
      ctx.tables.decisions.push(decision);
    });
    log.splice(1, 0, { id: rng.uuid(), sessionId: session.id, at: opened, kind: 'opened', detail: files.join(', ') });
    ctx.tables.sessionLog.push(...log.sort((a, b) => a.at.localeCompare(b.at)));
  },
};

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { EvidenceItem } from '../../../shared/evidence/coverage';
import { canonicalJson, sha256Hex, signedPart } from '../../../shared/evidence/exchange';
import { shareableEvidence } from '../../../shared/evidence/privacy';
import {
  buildPacketContent,
  checkPacket,
  emptySummary,
  evidenceByMonth,
  findBiasWords,
  generateSigningKey,
  openCandidates,
  openPacketFile,
  type PacketContent,
  packetFileText,
  packetHtml,
  packetMarkdown,
  targetCriteria,
} from '../../../shared/packets';
import { testLadder } from '../../support/assessment-ladders';
import { canariesIn, canary } from '../../support/canary';

const ladder = testLadder(1);
const frozen = { ladderId: 'support', version: '1.0.0', hash: 'a'.repeat(64) };
const header = { exporterVersion: '0.1.0', exportedAt: '2026-11-20T10:00:00.000Z', ladder: frozen };

const item = (id: string, date: string, over: Partial<EvidenceItem> = {}): EvidenceItem => ({
  kind: 'assessment',
  id,
  personId: 'p1',
  date,
  visibility: 'shareable',
  competencyIds: ['code'],
  title: `Self assessment ${id}`,
  ...over,
});

function content(over: { evidence?: EvidenceItem[]; narrative?: string; picks?: string[] } = {}): PacketContent {
  const evidence = over.evidence ?? [item('e1', '2026-02-01'), item('e2', '2026-05-01')];
  return buildPacketContent({
    draft: {
      trackId: 'ic',
      levelId: 'S2',
      period: { from: '2025-12-01', to: '2026-11-30' },
      summary: { ...emptySummary, role: 'Backend engineer on billing' },
      criteria: [
        {
          criterionId: 'code-s2-a',
          narrative: over.narrative ?? 'Designed the ledger module the payments team builds on.',
          evidence: (over.picks ?? ['e1', 'e2']).map((id) => ({ kind: 'assessment' as const, id, note: 'See the module review' })),
        },
      ],
    },
    ladder,
    person: { name: 'Alex Doe', title: 'Engineer' },
    currentLevelTitle: 'Specialist',
    preparedBy: { name: 'Morgan' },
    evidence: shareableEvidence(evidence),
  });
}

describe('packet content', () => {
  it('lists the target level’s criteria in ladder order, with picked evidence only', () => {
    expect(targetCriteria(ladder, 'ic', 'S2').map((c) => c.criterionId)).toEqual(['code-s2-a', 'code-s2-b', 'support:comms:S2:1', 'support:oncall:S2:1']);
    const c = content();
    expect(c.target).toMatchObject({ levelTitle: 'Senior Specialist', trackName: 'Individual contributor', currentLevelTitle: 'Specialist' });
    expect(c.criteria[0]!.evidence.map((e) => e.date)).toEqual(['2026-02-01', '2026-05-01']);
    expect(c.criteria[1]!.evidence).toEqual([]);
  });

  it('never carries a private record, even when it was picked', () => {
    const c = content({ evidence: [item('e1', '2026-02-01', { visibility: 'private', title: canary('title') }), item('e2', '2026-05-01')] });
    expect(c.criteria[0]!.evidence.map((e) => e.title)).toEqual(['Self assessment e2']);
    expect(canariesIn(JSON.stringify(c))).toEqual([]);
  });
});

describe('packet checks', () => {
  it('flags criteria with no evidence, claims without an example, and recency', () => {
    const recent = content({ evidence: [item('e1', '2026-10-01'), item('e2', '2026-11-01')] });
    const codes = checkPacket(recent).map((c) => `${c.code}:${c.criterionId ?? ''}`);
    expect(codes).toContain('no-evidence:code-s2-b');
    expect(codes).toContain('recent-only:');
    expect(codes).not.toContain('no-evidence:code-s2-a');
    const spread = checkPacket(content());
    expect(spread.some((c) => c.code === 'recent-only')).toBe(false);
    const claim = checkPacket(content({ picks: [] }));
    expect(claim.find((c) => c.criterionId === 'code-s2-a')?.code).toBe('claim-without-example');
    for (const check of [...spread, ...claim]) expect(check.suggestion.length).toBeGreaterThan(10);
  });

  it('flags personality, gendered and vague words, as whole words only', () => {
    const checks = checkPacket(content({ narrative: 'She is abrasive but a great team player. The guys agree.' }));
    expect(checks.filter((c) => c.code === 'bias-wording').map((c) => c.category)).toEqual(['personality', 'vague', 'vague', 'gendered']);
    expect(findBiasWords('Greatly improved the niceties of the API; designed the billing ledger.')).toEqual([]);
    expect(findBiasWords('Très NICE').map((h) => h.phrase)).toEqual(['nice']);
  });

  it('counts evidence per month across the period for the chart', () => {
    const months = evidenceByMonth({ from: '2025-12-15', to: '2026-02-02' }, ['2026-01-03'], ['2026-01-03', '2026-01-20', '2025-12-30']);
    expect(months).toEqual([
      { month: '2025-12', picked: 0, available: 1 },
      { month: '2026-01', picked: 1, available: 2 },
      { month: '2026-02', picked: 0, available: 0 },
    ]);
  });
});

describe('packet formats', () => {
  it('Markdown and HTML hold every criterion with dated evidence; the HTML loads nothing', () => {
    const c = content();
    const md = packetMarkdown(c);
    const html = packetHtml(c);
    for (const cr of c.criteria) {
      expect(md).toContain(cr.text);
      expect(html).toContain(cr.text.replace(/'/g, '&#39;'));
    }
    expect(md).toContain('- 2026-02-01 · Assessment · Self assessment e1 — See the module review');
    expect(html).toContain('<time datetime="2026-02-01">');
    expect(html).toContain(`default-src 'none'`);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import|https?:/i);
  });

  it('escapes what the manager wrote', () => {
    const html = packetHtml(content({ narrative: '<img src=x onerror=alert(1)> & "quotes"' }));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toContain('<img');
    const md = packetMarkdown(content({ narrative: '# Not a heading' }));
    expect(md).not.toMatch(/^# Not a heading/m);
  });
});

describe('packet exchange file', () => {
  it('round-trips signed, and names the fingerprint', async () => {
    const key = await generateSigningKey();
    const text = await packetFileText(content(), header, key);
    const opened = await openPacketFile(text);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.content).toEqual(content());
    expect(opened.signature).toEqual({ status: 'valid', fingerprint: key.fingerprint });
    expect(opened.ladder).toEqual(frozen);
    expect(JSON.parse(text)).toMatchObject({ format: 'trellis.packet', formatVersion: 1, exporter: { app: 'Trellis', version: '0.1.0' } });
    expect(text).not.toContain(key.privateKey);
  });

  it('an unsigned file opens as unsigned', async () => {
    const opened = await openPacketFile(await packetFileText(content(), header));
    expect(opened.ok && opened.signature.status).toBe('unsigned');
  });

  it('canonical JSON of parsed text is the same bytes (any layout, any key order)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
        expect(canonicalJson(JSON.parse(JSON.stringify(value, null, 3)))).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it('any changed character of the content is caught: by the hash, or by the signature when the hash is recomputed', async () => {
    const key = await generateSigningKey();
    const text = await packetFileText(content(), header, key);
    const envelope = JSON.parse(text) as { content: PacketContent; sha256: string };
    const narrative = envelope.content.criteria[0]!.narrative;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: narrative.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }), async (at, ch) => {
        fc.pre(narrative[at] !== ch);
        const edited = structuredClone(envelope);
        edited.content.criteria[0]!.narrative = narrative.slice(0, at) + ch + narrative.slice(at + 1);
        const opened = await openPacketFile(JSON.stringify(edited));
        expect(opened.ok).toBe(false);
        if (!opened.ok) expect(opened.code).toBe('changed');
        // Someone who recomputes the hash still cannot forge the signature.
        const rehashed = { ...edited, sha256: await sha256Hex(signedPart(edited as unknown as Parameters<typeof signedPart>[0])) };
        const reopened = await openPacketFile(JSON.stringify(rehashed));
        expect(reopened.ok && reopened.signature.status).toBe('invalid');
      }),
      { numRuns: 40 },
    );
  });

  it('refuses with a reason: not JSON, another format, invalid content', async () => {
    expect(await openPacketFile('{ nope')).toMatchObject({ ok: false, code: 'not-json' });
    const text = await packetFileText(content(), header);
    expect(await openPacketFile(text.replace('trellis.packet', 'trellis.self-assessment'))).toMatchObject({ ok: false });
  });
});

describe('opening packets for a calibration', () => {
  it('flags changed, unsigned and other-version files and keeps the trusted one readable', async () => {
    const key = await generateSigningKey();
    const good = await packetFileText(content(), header, key);
    const unsigned = await packetFileText(content(), header);
    const edited = good.replace('Designed the ledger', 'Designed the platform');
    const other = await packetFileText(content(), { ...header, ladder: { ...frozen, hash: 'b'.repeat(64), version: '0.9.0' } }, key);
    const opened = await openCandidates(
      [
        { name: 'good.json', text: good },
        { name: 'edited.json', text: edited },
        { name: 'unsigned.json', text: unsigned },
        { name: 'other.json', text: other },
        { name: 'huge.json', error: 'Too large' },
      ],
      new Map([['support', { hash: frozen.hash, version: '1.0.0' }]]),
    );
    expect(opened.map((o) => [o.fileName, o.flags.map((f) => f.flag)])).toEqual([
      ['good.json', []],
      ['edited.json', ['changed']],
      ['unsigned.json', ['unsigned']],
      ['other.json', ['other-ladder-version']],
      ['huge.json', ['unreadable']],
    ]);
    expect(opened[0]!.fingerprint).toBe(key.fingerprint);
    expect(opened[1]!.content).toBeNull();
  });
});

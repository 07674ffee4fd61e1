import Papa from 'papaparse';

import { escapeFormula } from '../domain/people-csv';
import type { Candidate } from './candidates';
import { checksSentence, type KeyTrust } from './checks';
import { changesOf } from './decisions';
import { type CalibrationSession, type Decision, outcomeLabels, type SessionLogEntry } from './model';

/**
 * The decisions as they leave for HR records: one row per readable candidate, the manager's
 * proposal beside the committee's decision, with names (HR needs to know who). Everything comes
 * from the packets (already shareable when the manager exported them) and the committee's own
 * decisions: nothing of this Trellis's other data can reach these files.
 */
export interface DecisionRow {
  candidate: string;
  pseudonym: string;
  title: string;
  team: string;
  manager: string;
  track: string;
  currentLevel: string;
  proposedLevel: string;
  decision: string;
  rationale: string;
  openQuestions: string;
  decidedAt: string;
  changes: number;
  lastChangeReason: string;
  file: string;
  checks: string;
}

export interface DecisionRowsOptions {
  /** Keys trusted now, by fingerprint: the checks then say when and as whose. */
  trust?: (fingerprint: string) => KeyTrust | null;
  formatDay?: (iso: string) => string;
}

export function decisionRows(
  candidates: readonly Candidate[],
  decisions: ReadonlyMap<string, Decision>,
  log: readonly SessionLogEntry[],
  options: DecisionRowsOptions = {},
): DecisionRow[] {
  return candidates.flatMap((c) => {
    const content = c.content;
    if (!content) return [];
    const d = decisions.get(c.packet.id);
    const changes = changesOf(log, c.packet.id);
    return [
      {
        candidate: content.person.name,
        pseudonym: c.pseudonym,
        title: content.person.title ?? '',
        team: content.person.team ?? '',
        manager: content.preparedBy?.name ?? '',
        track: content.target.trackName,
        currentLevel: content.target.currentLevelTitle ?? '',
        proposedLevel: content.target.levelTitle,
        decision: d?.outcome ? outcomeLabels[d.outcome] : 'Undecided',
        rationale: d?.rationale ?? '',
        openQuestions: d?.openQuestions ?? '',
        decidedAt: d?.decidedAt ?? '',
        changes: changes.count,
        lastChangeReason: changes.lastReason,
        file: c.packet.fileName,
        checks: checksSentence(c.packet, c.packet.fingerprint && options.trust ? options.trust(c.packet.fingerprint) : null, options.formatDay),
      },
    ];
  });
}

const columns: readonly [keyof DecisionRow, string][] = [
  ['candidate', 'Candidate'],
  ['pseudonym', 'Reading name'],
  ['title', 'Title'],
  ['team', 'Team'],
  ['manager', 'Manager (prepared by)'],
  ['track', 'Track'],
  ['currentLevel', 'Current level'],
  ['proposedLevel', 'Proposed level'],
  ['decision', 'Decision'],
  ['rationale', 'Rationale'],
  ['openQuestions', 'Open questions'],
  ['decidedAt', 'Decided at'],
  ['changes', 'Changes'],
  ['lastChangeReason', 'Last change reason'],
  ['file', 'Packet file'],
  ['checks', 'Packet checks'],
];

/** Cells a spreadsheet would run as a formula get an apostrophe first (shared with the people export). */
export const csvCell = (value: string | number) => escapeFormula(String(value));

export function decisionsCsv(rows: readonly DecisionRow[]): string {
  return `${Papa.unparse(
    { fields: columns.map(([, h]) => h), data: rows.map((r) => columns.map(([k]) => csvCell(r[k]))) },
    { newline: '\r\n', escapeFormulae: false, quotes: true },
  )}\r\n`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const paragraphs = (s: string) =>
  s.trim()
    ? s
        .trim()
        .split(/\n\s*\n/)
        .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
        .join('')
    : '<p class="empty">None.</p>';

const styles = `
@page { size: A4; margin: 18mm 16mm 20mm; }
:root { color-scheme: light; --ink: #1d2330; --muted: #556070; --line: #d5dae1; --accent: #2d5b8a; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); margin: 0 auto; max-width: 52rem; padding: 1.5rem; background: #fff; }
h1 { font-size: 20pt; margin: 0 0 .3rem; }
h2 { font-size: 13pt; margin: 1.6rem 0 .3rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 10.5pt; margin: .8rem 0 .2rem; color: var(--muted); }
p { margin: .2rem 0; }
.kicker { color: var(--accent); font-weight: 600; letter-spacing: .04em; text-transform: uppercase; font-size: 9pt; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .25rem .4rem; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .4rem 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.empty { color: var(--muted); font-style: italic; }
.candidate { break-inside: avoid-page; }
@media print { body { max-width: none; padding: 0; } }
`;

export interface DecisionsDocumentOptions {
  exportedOn: string;
  formatStamp?: (iso: string) => string;
}

/** The decisions as a print page (the PDF goes through the packets' print pipeline): a summary table, then each candidate. */
export function decisionsHtml(session: CalibrationSession, rows: readonly DecisionRow[], options: DecisionsDocumentOptions): string {
  const stamp = options.formatStamp ?? ((s: string) => s);
  const title = `Calibration decisions: ${session.name}`;
  const table = [
    '<table><thead><tr><th scope="col">Candidate</th><th scope="col">Manager</th><th scope="col">Proposed</th><th scope="col">Decision</th><th scope="col">Changes</th></tr></thead><tbody>',
    ...rows.map(
      (r) => `<tr><td>${esc(r.candidate)}</td><td>${esc(r.manager)}</td><td>${esc(r.proposedLevel)}</td><td>${esc(r.decision)}</td><td>${r.changes}</td></tr>`,
    ),
    '</tbody></table>',
  ].join('');
  const fact = (label: string, value: string) => (value ? `<dt>${esc(label)}</dt><dd>${esc(value)}</dd>` : '');
  const each = rows
    .map(
      (r) =>
        `<section class="candidate"><h2>${esc(r.candidate)}</h2><dl class="facts">${[
          fact('Title', r.title),
          fact('Team', r.team),
          fact('Manager', r.manager),
          fact('Track', r.track),
          fact('Current level', r.currentLevel),
          fact('Proposed level', r.proposedLevel),
          fact('Decision', r.decision),
          fact('Decided at', r.decidedAt ? stamp(r.decidedAt) : ''),
          fact('Packet', `${r.file} (${r.checks})`),
        ].join('')}</dl><h3>Rationale</h3>${paragraphs(r.rationale)}<h3>Open questions</h3>${paragraphs(r.openQuestions)}${
          r.changes > 0 ? `<h3>Changed ${r.changes === 1 ? 'once' : `${r.changes} times`}; last reason</h3>${paragraphs(r.lastChangeReason)}` : ''
        }</section>`,
    )
    .join('');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${esc(title)}</title><style>${styles}</style></head>`,
    `<body><main><p class="kicker">Calibration decisions</p><h1>${esc(session.name)}</h1>`,
    `<p>${esc(session.scope)}</p><p class="empty">Exported ${esc(options.exportedOn)} · ${rows.length} candidates</p>`,
    `${table}${each}</main><div id="print-ready" hidden></div></body></html>`,
    '',
  ].join('\n');
}

import { type PacketContent, summaryFields } from './model';

/**
 * The packet as Markdown and as one self-contained HTML page. The HTML is also the print page
 * that becomes the PDF: it has no script, no link and no image from anywhere, and its own CSP
 * forbids loading anything, so it reads the same offline, in a browser and on paper.
 */
export interface RenderOptions {
  /** How a date is written (the renderer passes the user's locale); ISO days by default. */
  formatDay?: (isoDay: string) => string;
  /** When the file was made, as words for the cover. */
  exportedOn?: string;
}

const kindLabel: Record<string, string> = {
  meeting: '1:1',
  feedback: 'Feedback',
  win: 'Win',
  'goal-check-in': 'Goal check-in',
  milestone: 'Milestone',
  assessment: 'Assessment',
  stretch: 'Stretch project',
  'peer-response': 'Peer feedback (cycle)',
};
export const evidenceKindLabel = (kind: string) => kindLabel[kind] ?? kind;

const iso = (d: string) => d;

/** Criteria grouped by competency, in the packet's order. */
export function byCompetency(content: PacketContent) {
  const groups: { competencyId: string; competencyName: string; criteria: PacketContent['criteria'] }[] = [];
  for (const c of content.criteria) {
    const last = groups.at(-1);
    if (last && last.competencyId === c.competencyId) last.criteria.push(c);
    else groups.push({ competencyId: c.competencyId, competencyName: c.competencyName, criteria: [c] });
  }
  return groups;
}

export function packetTitle(content: PacketContent): string {
  return `Promotion packet: ${content.person.name} for ${content.target.levelTitle}`;
}

// Markdown: text the manager wrote stays as written (it is Markdown), but a line that would
// become a heading of its own is indented so it cannot break the document's outline.
const mdBlock = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => (/^\s{0,3}#/.test(l) ? `    ${l}` : l))
    .join('\n');
const mdInline = (s: string) => s.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');

export function packetMarkdown(content: PacketContent, options: RenderOptions = {}): string {
  const day = options.formatDay ?? iso;
  const out: string[] = [];
  out.push(`# ${mdInline(packetTitle(content))}`, '');
  const facts = [
    `- **Person:** ${mdInline(content.person.name)}${content.person.title ? ` (${mdInline(content.person.title)})` : ''}`,
    `- **Ladder:** ${mdInline(content.ladderName)}, track ${mdInline(content.target.trackName)}`,
    ...(content.target.currentLevelTitle ? [`- **Current level:** ${mdInline(content.target.currentLevelTitle)}`] : []),
    `- **Proposed level:** ${mdInline(content.target.levelTitle)}`,
    `- **Evidence from:** ${day(content.period.from)} to ${day(content.period.to)}`,
    ...(content.preparedBy ? [`- **Prepared by:** ${mdInline(content.preparedBy.name)}`] : []),
    ...(options.exportedOn ? [`- **Exported:** ${mdInline(options.exportedOn)}`] : []),
  ];
  out.push(...facts, '', '## Summary', '');
  for (const f of summaryFields) {
    const value = content.summary[f.key].trim();
    out.push(`### ${f.label}`, '', value ? mdBlock(value) : '_Not written._', '');
  }
  for (const group of byCompetency(content)) {
    out.push(`## ${mdInline(group.competencyName)}`, '');
    for (const c of group.criteria) {
      out.push(`### ${mdInline(c.text)}`, '');
      out.push(c.narrative.trim() ? mdBlock(c.narrative) : '_No narrative._', '');
      if (c.evidence.length === 0) out.push('_No linked evidence._', '');
      else {
        out.push('Evidence:', '');
        for (const e of c.evidence) {
          out.push(`- ${day(e.date)} · ${evidenceKindLabel(e.kind)} · ${mdInline(e.title)}${e.note.trim() ? ` — ${mdInline(e.note)}` : ''}`);
        }
        out.push('');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const paragraphs = (s: string) =>
  s
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** The packet's print and reading styles: system fonts only (nothing to download), A4 pages. */
const styles = `
@page { size: A4; margin: 18mm 16mm 20mm; }
:root { color-scheme: light; --ink: #1d2330; --muted: #556070; --line: #d5dae1; --accent: #2d5b8a; }
* { box-sizing: border-box; }
body { font: 11pt/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); margin: 0 auto; max-width: 48rem; padding: 1.5rem; background: #fff; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 22pt; margin: 0 0 1rem; }
h2 { font-size: 15pt; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 12pt; margin: 1.4rem 0 .4rem; }
.cover { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
.cover dt { color: var(--muted); }
.cover dd { margin: 0; }
.kicker { color: var(--accent); font-weight: 600; letter-spacing: .04em; text-transform: uppercase; font-size: 9pt; }
nav ol { padding-left: 1.2rem; }
nav a { color: inherit; text-decoration: none; }
.empty { color: var(--muted); font-style: italic; }
.evidence { list-style: none; padding: 0; margin: .5rem 0 0; }
.evidence li { border-left: 3px solid var(--line); padding: .2rem 0 .2rem .6rem; margin-bottom: .4rem; break-inside: avoid; }
.evidence time { font-variant-numeric: tabular-nums; font-weight: 600; }
.evidence .kind { color: var(--muted); }
.criterion { break-inside: avoid-page; }
@media print {
  body { max-width: none; padding: 0; }
  .cover { min-height: 230mm; break-after: page; }
  nav { break-after: page; }
  .competency { break-before: page; }
  a { color: inherit; }
}
`;

export function packetHtml(content: PacketContent, options: RenderOptions = {}): string {
  const day = options.formatDay ?? iso;
  const groups = byCompetency(content);
  const date = (d: string) => `<time datetime="${esc(d)}">${esc(day(d))}</time>`;
  const fact = (label: string, value: string) => `<dt>${esc(label)}</dt><dd>${value}</dd>`;
  const cover = [
    `<section class="cover"><p class="kicker">Promotion packet</p><h1>${esc(content.person.name)}</h1><dl>`,
    content.person.title ? fact('Title', esc(content.person.title)) : '',
    fact('Ladder', `${esc(content.ladderName)}, track ${esc(content.target.trackName)}`),
    content.target.currentLevelTitle ? fact('Current level', esc(content.target.currentLevelTitle)) : '',
    fact('Proposed level', esc(content.target.levelTitle)),
    fact('Evidence from', `${date(content.period.from)} to ${date(content.period.to)}`),
    content.preparedBy ? fact('Prepared by', esc(content.preparedBy.name)) : '',
    options.exportedOn ? fact('Exported', esc(options.exportedOn)) : '',
    '</dl></section>',
  ].join('');
  const contents = [
    '<nav aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>',
    '<li><a href="#summary">Summary</a></li>',
    ...groups.map((g, i) => `<li><a href="#competency-${i + 1}">${esc(g.competencyName)}</a> (${g.criteria.length})</li>`),
    '</ol></nav>',
  ].join('');
  const summary = [
    '<section id="summary"><h2>Summary</h2>',
    ...summaryFields.map((f) => {
      const v = content.summary[f.key];
      return `<h3>${esc(f.label)}</h3>${v.trim() ? paragraphs(v) : '<p class="empty">Not written.</p>'}`;
    }),
    '</section>',
  ].join('');
  const body = groups
    .map(
      (g, i) =>
        `<section class="competency" id="competency-${i + 1}"><h2>${esc(g.competencyName)}</h2>${g.criteria
          .map(
            (c) =>
              `<article class="criterion"><h3>${esc(c.text)}</h3>${c.narrative.trim() ? paragraphs(c.narrative) : '<p class="empty">No narrative.</p>'}${
                c.evidence.length === 0
                  ? '<p class="empty">No linked evidence.</p>'
                  : `<ul class="evidence" aria-label="Evidence">${c.evidence
                      .map(
                        (e) =>
                          `<li>${date(e.date)} <span class="kind">${esc(evidenceKindLabel(e.kind))}</span> ${esc(e.title)}${e.note.trim() ? `<br>${esc(e.note)}` : ''}</li>`,
                      )
                      .join('')}</ul>`
              }</article>`,
          )
          .join('')}</section>`,
    )
    .join('');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(packetTitle(content))}</title><style>${styles}</style></head>`,
    `<body><main>${cover}${contents}${summary}${body}</main><div id="print-ready" hidden></div></body></html>`,
    '',
  ].join('\n');
}

import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import {
  checkResponses,
  decodeResponses,
  guessMapping,
  type ImportContext,
  readResponsesTable,
  responsesCsv,
  type ResponsesFormat,
  responsesMarkdown,
} from '../../../shared/domain/cycle-import';

/**
 * Responses files as survey tools write them, generated: any order of columns, text with commas,
 * quotes, pipes, line breaks and any script, UTF-8 with or without a BOM or UTF-16 with one, CSV
 * or Markdown. Written out and read back, every response comes back as it was; with one row
 * broken, that row (and its column) is named and nothing is imported.
 */
const people = [
  { id: 'p-ana', name: 'Ana Muñoz', email: 'ana@example.com' },
  { id: 'p-bo', name: 'Bo Chen', email: 'bo@example.com' },
  { id: 'p-zoe', name: 'Zoë Ødegaard', email: 'zoe@example.com' },
  { id: 'p-kai', name: 'Kai Brandt', email: 'kai@example.com' },
];
const ctx: ImportContext = {
  people,
  participantIds: ['p-ana', 'p-bo', 'p-zoe'],
  competencies: [
    { id: 'craft', name: 'Craft' },
    { id: 'collaboration', name: 'Collaboration' },
  ],
  defaultDate: '2026-04-01',
};

const headerNames = { respondent: 'Respondent', about: 'About', competency: 'Competency', text: 'Response', date: 'Timestamp' } as const;
type Column = keyof typeof headerNames;

const piece = fc.oneof(
  fc.constantFrom('Clear', 'kind', 'reviews', 'équipe', 'Über', '设计', 'on-call', '100%', '“quoted”', 'naïve', 'Ünïcödé', '🙂'),
  fc.constantFrom(', ', '; ', ' | ', '"', "'", '\t', ' \\ ', ' - ', '#', '*'),
  fc.constantFrom(' ', ' ', '\n'),
);
const text = fc
  .array(piece, { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').trim())
  .filter((t) => t !== '' && !/<br/i.test(t));
const participant = fc.constantFrom(...people.slice(0, 3));
const day = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const response = fc.record({
  about: participant,
  aboutByEmail: fc.boolean(),
  respondent: fc.oneof(
    fc.constantFrom(...people).map((p) => ({ id: p.id as string | null, name: p.name })),
    fc.constantFrom('Sam Outside', 'Jo from Sales').map((n) => ({ id: null, name: n })),
  ),
  competency: fc.constantFrom<[string | null, string]>([null, ''], ['craft', 'Craft'], ['collaboration', 'collaboration'], ['craft', 'craft']),
  text,
  date: day,
  withTime: fc.boolean(),
});
type Generated = fc.Arbitrary<typeof response extends fc.Arbitrary<infer T> ? T : never>;
type Row = Generated extends fc.Arbitrary<infer T> ? T : never;

const fileSpec = fc.record({
  rows: fc.array(response, { minLength: 1, maxLength: 12 }),
  order: fc.shuffledSubarray(['respondent', 'about', 'competency', 'text', 'date'] as Column[], { minLength: 5, maxLength: 5 }),
  format: fc.constantFrom<ResponsesFormat>('csv', 'markdown'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le-bom'),
});

function cellsOf(r: Row): Record<Column, string> {
  return {
    respondent: r.respondent.name,
    about: r.aboutByEmail ? r.about.email : r.about.name,
    competency: r.competency[1],
    text: r.text,
    date: r.withTime ? `${r.date} 10:22:01` : r.date,
  };
}

function write(spec: { order: Column[]; format: ResponsesFormat }, rows: Record<Column, string>[]): string {
  const headers = spec.order.map((c) => headerNames[c]);
  const data = rows.map((r) => spec.order.map((c) => r[c]));
  return spec.format === 'csv' ? responsesCsv(headers, data) : responsesMarkdown(headers, data);
}

function encode(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf-16le-bom') {
    const out = new Uint8Array(2 + text.length * 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + i * 2] = c & 0xff;
      out[3 + i * 2] = c >> 8;
    }
    return out;
  }
  const body = new TextEncoder().encode(text);
  return encoding === 'utf-8-bom' ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : body;
}

function importBytes(bytes: Uint8Array, format: ResponsesFormat) {
  const decoded = decodeResponses(bytes, format);
  if (!decoded.ok) return { ok: false as const, problems: decoded.problems };
  const table = readResponsesTable(decoded.text, format);
  return checkResponses(table, guessMapping(table.headers), ctx);
}

describe('responses import (property)', () => {
  it('reads back every generated response exactly, whatever the column order, format and encoding', () => {
    fc.assert(
      fc.property(fileSpec, (spec) => {
        const bytes = encode(write(spec, spec.rows.map(cellsOf)), spec.encoding);
        const result = importBytes(bytes, spec.format);
        if (!result.ok) throw new Error(result.problems.map((p) => `${p.row}/${p.column}: ${p.message}`).join('\n'));
        expect(result.responses.map(({ row: _row, ...r }) => r)).toEqual(
          spec.rows.map((r) => ({
            personId: r.about.id,
            respondentId: r.respondent.id,
            respondentName: r.respondent.id ? '' : r.respondent.name,
            competencyId: r.competency[0],
            text: r.text,
            date: r.date,
          })),
        );
        expect(result.responses.map((r) => r.row)).toEqual(spec.rows.map((_, i) => i + 2));
      }),
      { numRuns: 150 },
    );
  });

  const breaks = ['empty-about', 'unknown-person', 'not-participant', 'empty-text', 'bad-competency', 'bad-date', 'missing-cells', 'bad-encoding'] as const;

  it('names the broken row and its column, and imports nothing', () => {
    fc.assert(
      fc.property(fileSpec, fc.nat(), fc.constantFrom(...breaks), (spec, pick, kind) => {
        const rows = spec.rows.map(cellsOf);
        const index = pick % rows.length;
        const row = { ...rows[index]! };
        const column: Column | null = {
          'empty-about': 'about',
          'unknown-person': 'about',
          'not-participant': 'about',
          'empty-text': 'text',
          'bad-competency': 'competency',
          'bad-date': 'date',
          'missing-cells': null,
          'bad-encoding': 'text',
        }[kind] as Column | null;
        if (kind === 'empty-about') row.about = '';
        if (kind === 'unknown-person') row.about = 'Nobody Known';
        if (kind === 'not-participant') row.about = 'Kai Brandt';
        if (kind === 'empty-text') row.text = '';
        if (kind === 'bad-competency') row.competency = 'Juggling';
        if (kind === 'bad-date') row.date = 'next Tuesday';
        if (kind === 'bad-encoding') row.text = `caf@@BAD@@ ${row.text}`;
        rows[index] = row;
        let written = write(spec, rows);
        if (kind === 'missing-cells') {
          // The broken row loses its last cell, as a hand-edited export does.
          const headers = spec.order.map((c) => headerNames[c]);
          const data = rows.map((r) => spec.order.map((c) => r[c]));
          data[index] = data[index]!.slice(0, -1);
          written = spec.format === 'csv' ? Papa.unparse([headers, ...data], { newline: '\n' }) : responsesMarkdown(headers, data);
        }
        let bytes = encode(written, spec.encoding === 'utf-16le-bom' ? 'utf-8' : spec.encoding);
        if (kind === 'bad-encoding') bytes = replaceMarker(bytes);
        const result = importBytes(bytes, spec.format);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const expectedRow = index + 2;
        expect(result.problems.length).toBeGreaterThan(0);
        for (const p of result.problems) expect(p.row, p.message).toBe(expectedRow);
        if (column) expect(result.problems.map((p) => p.column)).toContain(headerNames[column]);
        else if (spec.order.length) expect(result.problems[0]!.column).toBe(headerNames[spec.order[spec.order.length - 1]!]);
      }),
      { numRuns: 200 },
    );
  });

  it('says which columns it needs when the file has other columns', () => {
    const table = readResponsesTable('Name,Score,Comment\nAna,3,ok\n', 'csv');
    const result = checkResponses(table, guessMapping(table.headers), ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.every((p) => p.row === 1)).toBe(true);
    expect(result.problems.map((p) => p.message).join(' ')).toMatch(/No column is “About whom”.*Name, Score, Comment/);
  });

  it('refuses UTF-16 without a byte order mark', () => {
    const text = 'About,Response\nAna Muñoz,Great\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i) & 0xff;
    const decoded = decodeResponses(bytes);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problems[0]!.message).toMatch(/UTF-16/);
  });
});

function replaceMarker(bytes: Uint8Array): Uint8Array {
  const marker = new TextEncoder().encode('@@BAD@@');
  for (let i = 0; i + marker.length <= bytes.length; i++) {
    if (marker.every((b, j) => bytes[i + j] === b)) return Uint8Array.from([...bytes.slice(0, i), 0xe9, ...bytes.slice(i + marker.length)]);
  }
  throw new Error('marker not found');
}

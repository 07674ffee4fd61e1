/**
 * Which importer a file needs, from its name and its first bytes: a spreadsheet saved as CSV or
 * TSV, the Financial Times' job-family YAML, Monzo's front-matter Markdown, or a ladder already
 * in the Trellis format. Pure and total: a file it cannot place gets a message saying why.
 */
import { parseDocument } from 'yaml';

import { isRecord } from './common';

export type LadderSourceKind = 'spreadsheet' | 'ft' | 'monzo' | 'trellis';

export const sourceKindLabels: Record<LadderSourceKind, string> = {
  spreadsheet: 'Spreadsheet (CSV or TSV)',
  ft: 'Financial Times job family (YAML)',
  monzo: 'Monzo progression framework (Markdown)',
  trellis: 'Trellis ladder (YAML)',
};

export type Detection = { kind: LadderSourceKind; why: string } | { kind: null; message: string };

/** Keys only an FT job family has at its top level. */
const ftKeys = ['themes', 'googleSheetId', 'isLegacy'];
/** Keys a Trellis ladder has that an FT file never has. */
const trellisKeys = ['tracks', 'scales', 'includes', 'progression', 'version', 'id', '$schema', 'categories'];

const extensionOf = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

function yamlKind(text: string, name: string): Detection {
  let root: unknown;
  try {
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length > 0) {
      const first = doc.errors[0]!;
      const line = first.linePos?.[0];
      return {
        kind: null,
        message: `${name} is not readable YAML${line ? ` (line ${line.line}, column ${line.col})` : ''}: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      };
    }
    root = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { kind: null, message: `${name} is not readable YAML.` };
  }
  if (!isRecord(root)) return { kind: null, message: `${name} does not hold a ladder: its top level is not a set of keys such as "name" and "levels".` };
  const keys = Object.keys(root);
  if (keys.some((k) => ftKeys.includes(k))) return { kind: 'ft', why: `it has the FT job-family key "${keys.find((k) => ftKeys.includes(k))}"` };
  if (keys.some((k) => trellisKeys.includes(k)))
    return { kind: 'trellis', why: `it has the Trellis ladder key "${keys.find((k) => trellisKeys.includes(k))}"` };
  if (keys.includes('levels') && keys.includes('competencies')) return { kind: 'ft', why: 'it has FT-style "levels" and "competencies"' };
  return {
    kind: null,
    message: `${name} is YAML, but neither a Trellis ladder nor an FT job family: its top-level keys are ${keys.slice(0, 8).join(', ') || 'none'}.`,
  };
}

export function detectLadderSource(name: string, text: string): Detection {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { kind: null, message: `${name} is empty.` };
  const extension = extensionOf(name);
  const frontMatter = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.test(body);
  if (extension === 'csv' || extension === 'tsv') return { kind: 'spreadsheet', why: `the file name ends in .${extension}` };
  if (extension === 'md' || extension === 'markdown') {
    if (frontMatter) return { kind: 'monzo', why: 'it is Markdown with front matter' };
    return { kind: null, message: `${name} is Markdown without front matter: Monzo's framework files start with a "---" block that lists the topics.` };
  }
  if (extension === 'yml' || extension === 'yaml' || extension === 'json') return yamlKind(body, name);
  // No telling extension (.txt, none): look at the text.
  if (frontMatter && /^topics\s*:/m.test(body)) return { kind: 'monzo', why: 'it starts with front matter that lists topics' };
  // Comments above a YAML file's first key are not a row of columns.
  const firstLine = body.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  if (/[\t,;]/.test(firstLine) && !/^[\w$-]+\s*:/.test(firstLine)) return { kind: 'spreadsheet', why: 'its first line is a row of columns' };
  if (/^[\w$-]+\s*:/m.test(body)) return yamlKind(body, name);
  return { kind: null, message: `${name} does not look like a spreadsheet (CSV or TSV), an FT job family (YAML) or a Monzo framework (Markdown).` };
}

import { createHash } from 'node:crypto';
import path from 'node:path';

/** The identity of a text: sha256 in hex. Two versions with the same hash are the same version. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Ladder files are YAML or JSON; drafts (`x.draft.yaml`), JSON Schemas and hidden/temp files are not ladders. */
export function isLadderFileName(name: string): boolean {
  if (name.startsWith('.')) return false;
  if (!/\.(ya?ml|json)$/i.test(name) || /\.schema\.json$/i.test(name)) return false;
  return !isDraftFileName(name);
}

export function isDraftFileName(name: string): boolean {
  return /\.draft\.(ya?ml|json)$/i.test(name);
}

/** `team.yaml` → `team.draft.yaml`, beside the original. */
export function draftPathFor(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.draft${ext}`);
}

import type { Repositories } from '../../app/data';

/**
 * The person a screen is about, so quick capture can fill them in: a person's page, their growth
 * page, a 1:1 or its prep, an assessment, a feedback entry, a win. Null on screens about no one.
 */
export async function personOfScreen(path: string, repos: Repositories): Promise<string | null> {
  const parts = path.split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c] = parts;
  if (a === 'people' && b) return b;
  if (a === 'growth' && b === 'people' && c) return c;
  if (a === 'growth' && b === 'assessments' && c) return (await repos.assessments.get(c))?.personId ?? null;
  if (a === 'one-on-ones' && b === 'meetings' && c) return (await repos.meetings.get(c))?.personId ?? null;
  if (a === 'one-on-ones' && b === 'prep' && c) return (await repos.series.get(c))?.personId ?? null;
  if (a === 'feedback' && b === 'entries' && c) return (await repos.feedback.get(c))?.personId ?? null;
  if (a === 'feedback' && b === 'wins' && c) return (await repos.wins.get(c))?.personId ?? null;
  return null;
}

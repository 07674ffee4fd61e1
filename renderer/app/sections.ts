import type { UserRole } from '../../shared/settings';

/** The one navigation of Trellis, in order. */
export const sections = [
  { path: '/', label: 'Today', icon: '☀' },
  { path: '/people', label: 'People', icon: '◉' },
  { path: '/one-on-ones', label: '1:1s', icon: '⇄' },
  { path: '/ladders', label: 'Ladders', icon: '☷' },
  { path: '/growth', label: 'Growth', icon: '↗' },
  { path: '/feedback', label: 'Feedback', icon: '✎' },
  { path: '/packets', label: 'Packets', icon: '▤' },
  { path: '/calibration', label: 'Calibration', icon: '⚖' },
] as const;

export const settingsSection = { path: '/settings', label: 'Settings', icon: '⚙' } as const;

/** The navigation puts each kind of user's own work first, in this order; the rest follows as above. */
const firstFor: Record<UserRole, readonly string[]> = {
  manager: [],
  engineer: ['/', '/growth', '/feedback', '/ladders'],
  committee: ['/', '/packets', '/calibration', '/ladders'],
};

export function sectionsFor(role: UserRole | null): readonly (typeof sections)[number][] {
  const first = firstFor[role ?? 'manager'];
  const rank = (path: string) => (first.includes(path) ? first.indexOf(path) : first.length);
  return [...sections].sort((a, b) => rank(a.path) - rank(b.path));
}

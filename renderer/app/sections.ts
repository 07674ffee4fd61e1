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

import { Link, useLocation } from 'wouter';

/** The views of Feedback: every entry, the inbox of open follow-ups, feedback cycles and the wins log. */
export function FeedbackTabs({ open }: { open?: number | undefined }) {
  const [location] = useLocation();
  const tabs = [
    { href: '/feedback', label: 'Entries' },
    { href: '/feedback/inbox', label: open === undefined ? 'Follow-ups inbox' : `Follow-ups inbox (${open.toLocaleString()})` },
    { href: '/feedback/cycles', label: 'Cycles' },
    { href: '/feedback/wins', label: 'Wins' },
  ];
  return (
    <nav className="feedback-tabs" aria-label="Feedback views">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={location === t.href || (t.href === '/feedback/cycles' && location.startsWith('/feedback/cycles/')) ? 'page' : undefined}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

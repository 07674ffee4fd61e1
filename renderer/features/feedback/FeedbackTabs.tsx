import { Link, useLocation } from 'wouter';

/** The two views of Feedback: every entry, and the inbox of open follow-ups. */
export function FeedbackTabs({ open }: { open?: number | undefined }) {
  const [location] = useLocation();
  const tabs = [
    { href: '/feedback', label: 'Entries' },
    { href: '/feedback/inbox', label: open === undefined ? 'Follow-ups inbox' : `Follow-ups inbox (${open.toLocaleString()})` },
  ];
  return (
    <nav className="feedback-tabs" aria-label="Feedback views">
      {tabs.map((t) => (
        <Link key={t.href} href={t.href} aria-current={location === t.href ? 'page' : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

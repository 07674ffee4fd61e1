import { Link, useLocation } from 'wouter';

import { useCurrentUser } from './current-user';
import { setPaletteOpen } from './palette-open';
import { sectionsFor, settingsSection } from './sections';
import { isMac } from './shortcuts';

function NavLink({ path, label, icon }: { path: string; label: string; icon: string }) {
  const [location] = useLocation();
  const active = path === '/' ? location === '/' : location === path || location.startsWith(`${path}/`);
  return (
    <li>
      <Link href={path} className="nav-link" aria-current={active ? 'page' : undefined}>
        <span className="nav-link__icon" aria-hidden="true">
          {icon}
        </span>
        {label}
      </Link>
    </li>
  );
}

export function Sidebar() {
  const { role } = useCurrentUser();
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <img className="sidebar__logo" src="./icon.svg" alt="" width={28} height={28} />
        Trellis
      </div>
      <button type="button" className="sidebar__search" onClick={() => setPaletteOpen({ mode: 'search' })} aria-keyshortcuts={isMac() ? 'Meta+K' : 'Control+K'}>
        <span aria-hidden="true">⌕</span> Search
        <kbd aria-hidden="true">{isMac() ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      <nav aria-label="Main" className="sidebar__nav">
        <ul>
          {sectionsFor(role).map((s) => (
            <NavLink key={s.path} {...s} />
          ))}
        </ul>
        <ul className="sidebar__bottom">
          <NavLink {...settingsSection} />
        </ul>
      </nav>
    </aside>
  );
}

import { useEffect, useState } from 'react';

import type { AppNotice } from '../../shared/ipc/app';
import { Button } from '../ui/Button';
import { callMain } from './ipc';

/** Notices the renderer itself has for this start (e.g. typing that could not be replayed). */
const local: AppNotice[] = [];
export function addStartupNotice(notice: AppNotice): void {
  local.push(notice);
}

/** Main hands each notice out once; asked once per page load, so a remount does not lose them. */
let taken: Promise<AppNotice[]> | null = null;
const takeNotices = () =>
  (taken ??= callMain('app:notices').then(
    (r) => [...local, ...r.notices],
    () => [...local],
  ));

/** What main has to tell the user once, such as settings that had to be reset; dismissed by the user. */
export function StartupNotices() {
  const [notices, setNotices] = useState<AppNotice[]>([]);
  useEffect(() => {
    let live = true;
    void takeNotices().then((n) => live && setNotices(n));
    return () => {
      live = false;
    };
  }, []);
  if (notices.length === 0) return null;
  return (
    <div className="startup-notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`banner banner--${notice.severity === 'info' ? 'warning' : notice.severity}`} role="alert">
          <strong>{notice.title}</strong>
          <p>{notice.message}</p>
          <Button onPress={() => setNotices((all) => all.filter((n) => n.id !== notice.id))}>Dismiss</Button>
        </div>
      ))}
    </div>
  );
}

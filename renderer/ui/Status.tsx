import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';

import { cx } from './cx';

interface StatusApi {
  announce: (message: string, tone?: 'info' | 'error') => void;
}

const StatusContext = createContext<StatusApi>({ announce: () => {} });

/**
 * A polite live region for "Saved", "Archived Alex" and the like: seen at the corner of the
 * window and read by screen readers, without stealing focus.
 */
export function StatusProvider({ children }: { children: React.ReactNode }) {
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error'; key: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback((text: string, tone: 'info' | 'error' = 'info') => {
    clearTimeout(timer.current);
    setMessage({ text, tone, key: Date.now() });
    timer.current = setTimeout(() => setMessage(null), tone === 'error' ? 8000 : 3500);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <StatusContext.Provider value={{ announce }}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {message && (
          <div key={message.key} className={cx('toast', message.tone === 'error' && 'toast--error')}>
            {message.text}
          </div>
        )}
      </div>
    </StatusContext.Provider>
  );
}

export const useStatus = () => useContext(StatusContext);

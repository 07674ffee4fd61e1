import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { type MouseEvent, useMemo } from 'react';

import { trellis } from '../../app/ipc';

/**
 * Criteria are Markdown written by whoever edits the ladder file. Rendered with marked, then
 * sanitised with DOMPurify: no scripts, no event handlers, no remote images. Links open nowhere
 * by themselves (the renderer never navigates away).
 */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => {
    const raw = marked.parse(text, { async: false, gfm: true, breaks: false });
    return DOMPurify.sanitize(raw, { FORBID_TAGS: ['img', 'style', 'form', 'input', 'iframe'], FORBID_ATTR: ['style'] });
  }, [text]);
  // Links go to the system browser (main checks the address); the app window never navigates.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    if (href) void trellis().shellOpenExternal({ url: href });
  };
  return <div className={['markdown', className].filter(Boolean).join(' ')} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}

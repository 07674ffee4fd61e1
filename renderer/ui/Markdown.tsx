import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/** Markdown to HTML, sanitised: notes may contain pasted HTML, which must never run. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}

export function Markdown({ source, label, className }: { source: string; label: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  if (!source.trim()) return <p className={['markdown', 'muted', className].filter(Boolean).join(' ')}>Nothing written yet.</p>;
  // Safe: the HTML was sanitised by DOMPurify above.
  return <div className={['markdown', className].filter(Boolean).join(' ')} aria-label={label} role="region" dangerouslySetInnerHTML={{ __html: html }} />;
}

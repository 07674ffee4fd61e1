import { useEffect, useRef } from 'react';

import { type PacketContent, packetHtml, packetTitle } from '../../../shared/packets';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';

/**
 * Exactly the HTML file that would be exported, shown in a shadow root so its styles stay its own.
 * The text was escaped by packetHtml and DOMParser runs no script; the page has none anyway.
 */
function PacketPreview({ html, title }: { html: string; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const style = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    // The page's own rules, scoped to the preview: its root and body are the preview's box.
    root.innerHTML = `<style>${style.replace(/:root/g, ':host').replace(/\bbody\b/g, '.preview-body')}</style><div class="preview-body">${doc.body.innerHTML}</div>`;
  }, [html]);
  return <div ref={ref} className="packet-preview" role="document" aria-label={title} tabIndex={0} />;
}

export function PreviewDialog({ content, onClose }: { content: PacketContent; onClose: () => void }) {
  const html = packetHtml(content, { formatDay: (d) => formatDate(d, 'medium') });
  return (
    <Dialog title="What will leave this machine" isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <p>
        This is the packet as every format carries it. It holds {content.criteria.reduce((n, c) => n + c.evidence.length, 0)} linked examples (their date, kind,
        title and your note) and what you wrote; no private note, no private record and nothing else from Trellis.
      </p>
      <PacketPreview html={html} title={`Preview: ${packetTitle(content)}`} />
      <div className="toolbar">
        <span className="spacer" />
        <Button variant="primary" onPress={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}

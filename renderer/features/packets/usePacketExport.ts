import { useState } from 'react';

import type { FrozenLadderRef } from '../../../shared/evidence/refs';
import { type PacketContent, packetFileText, packetHtml, packetMarkdown, shortFingerprint } from '../../../shared/packets';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainCall } from '../../app/useMain';
import { formatDate } from '../../ui/dates';
import { useStatus } from '../../ui/Status';

export type PacketFormat = 'markdown' | 'html' | 'json' | 'pdf';

/** A plain file name for the exports: the person and the level. */
const fileNameOf = (content: PacketContent) =>
  `${content.person.name} packet ${content.target.levelTitle}`.replace(/[^\p{L}\p{N} ._-]/gu, '').trim() || 'packet';

/**
 * Exports the packet in one format through main's save dialog (the JSON file signed with this
 * Trellis's key), after `beforeExport` (the pending autosave); the error stays until the next try.
 */
export function usePacketExport({
  content,
  ladderRef,
  beforeExport,
}: {
  content: PacketContent | null;
  ladderRef: FrozenLadderRef;
  beforeExport: () => Promise<unknown>;
}) {
  const repos = useRepositories();
  const call = useMainCall();
  const { announce } = useStatus();
  const [exportError, setExportError] = useState<string | null>(null);
  const exportAs = async (format: PacketFormat) => {
    setExportError(null);
    if (!content) return;
    try {
      await beforeExport();
      const name = fileNameOf(content);
      const exportedOn = formatDate(new Date().toISOString().slice(0, 10), 'long');
      const options = { formatDay: (d: string) => formatDate(d, 'medium'), exportedOn };
      let result: { saved: boolean; path?: string };
      if (format === 'markdown')
        result = await call('files:save-text', {
          kind: 'markdown',
          title: 'Export the packet as Markdown',
          suggestedName: name,
          content: packetMarkdown(content, options),
        });
      else if (format === 'html')
        result = await call('files:save-text', {
          kind: 'html',
          title: 'Export the packet as HTML',
          suggestedName: name,
          content: packetHtml(content, options),
        });
      else if (format === 'pdf')
        result = await call('packets:save-pdf', { title: 'Export the packet as PDF', suggestedName: name, html: packetHtml(content, options) });
      else {
        const [info, key] = await Promise.all([call('app:info'), repos.packets.signingKey()]);
        const text = await packetFileText(content, { exporterVersion: info.version, exportedAt: new Date().toISOString(), ladder: ladderRef }, key);
        result = await call('files:save-text', { kind: 'json', title: 'Export the signed packet file', suggestedName: name, content: text });
        if (result.saved) announce(`Signed with key ${shortFingerprint(key.fingerprint)}`);
      }
      if (result.saved) announce(`Exported to ${result.path ?? 'the file you chose'}`);
    } catch (e) {
      setExportError(errorMessage(e));
    }
  };

  return { exportAs, exportError };
}

import { useState } from 'react';

import {
  type CalibrationSession,
  type Candidate,
  type Decision,
  decisionRows,
  decisionsCsv,
  decisionsHtml,
  type KeyTrust,
  type SessionLogEntry,
} from '../../../shared/calibration';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainCall } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { formatDate, formatDateTime } from '../../ui/dates';
import { useStatus } from '../../ui/Status';

/** The decisions for HR records, as CSV or PDF, each noted in the log. */
export function ExportDecisions({
  session,
  readable,
  decisions,
  log,
  trust,
}: {
  session: CalibrationSession;
  readable: readonly Candidate[];
  decisions: ReadonlyMap<string, Decision>;
  log: readonly SessionLogEntry[];
  trust: (fingerprint: string) => KeyTrust | null;
}) {
  const { calibration } = useRepositories();
  const call = useMainCall();
  const { announce } = useStatus();
  const [error, setError] = useState<string | null>(null);

  const exportDecisions = async (format: 'CSV' | 'PDF') => {
    setError(null);
    try {
      const rows = decisionRows(readable, decisions, log, { trust, formatDay: (iso) => formatDate(iso.slice(0, 10), 'spelled') });
      const suggestedName = `${session.name} decisions`.replace(/[^\p{L}\p{N} ._-]/gu, '').trim() || 'decisions';
      const result =
        format === 'CSV'
          ? await call('files:save-text', { kind: 'csv', title: 'Export the decisions as CSV', suggestedName, content: decisionsCsv(rows) })
          : await call('packets:save-pdf', {
              title: 'Export the decisions as PDF',
              suggestedName,
              html: decisionsHtml(session, rows, { exportedOn: formatDate(new Date().toISOString().slice(0, 10), 'long'), formatStamp: formatDateTime }),
            });
      if (result.saved) {
        await calibration.recordExport(session.id, format, result.path ?? 'the file chosen');
        announce(`Decisions exported to ${result.path ?? 'the file you chose'}`);
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="card section-card" aria-labelledby="calibration-export">
      <h2 id="calibration-export">Export the decisions</h2>
      <p>
        For HR records: every candidate with their name, the manager’s proposal, the decision, its rationale and open questions. The export is noted in the log.
      </p>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <div className="toolbar">
        <Button onPress={() => void exportDecisions('CSV')}>Export CSV…</Button>
        <Button onPress={() => void exportDecisions('PDF')}>Export PDF…</Button>
      </div>
    </section>
  );
}

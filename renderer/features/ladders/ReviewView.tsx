import { useState } from 'react';

import { monthsBeforeIso, todayIso } from '../../../shared/domain/dates';
import type { LadderSummary } from '../../../shared/ipc/ladders';
import type { FindingKind } from '../../../shared/ladder/review';
import { errorMessage } from '../../app/errors';
import { useMainAction, useMainQuery } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';

const periods = [
  { id: '3', label: '3 months' },
  { id: '6', label: '6 months' },
  { id: '12', label: '12 months' },
  { id: '24', label: '2 years' },
];

const sections: { kind: FindingKind; title: string; why: string }[] = [
  { kind: 'stale', title: 'Not changed in the period', why: 'Criteria nobody looked at in a while drift away from the work.' },
  { kind: 'same-as-before', title: 'Cells that only point elsewhere', why: 'Leave the level out to inherit, or say what is different.' },
  { kind: 'personality-word', title: 'Personality words', why: 'Words about who someone is, not what they do, are applied unevenly.' },
  { kind: 'vague-word', title: 'Vague words without a behaviour', why: 'Two assessors read "strong" differently; a behaviour reads the same.' },
  { kind: 'no-examples', title: 'Without examples', why: 'Examples make criteria concrete and comparable.' },
];

/** The periodic criteria review, with a Markdown export for the people who own the ladder. */
export function ReviewView({ summary }: { summary: LadderSummary }) {
  const [months, setMonths] = useState('12');
  const { announce } = useStatus();
  const since = monthsBeforeIso(todayIso(), Number(months));
  const answer = useMainQuery('ladders:review', { key: summary.key, since }, { refreshKey: summary.hash });
  const exportReview = useMainAction('ladders:export-review');
  const review = answer.value;
  const error = answer.error;

  const exportMarkdown = async () => {
    try {
      const result = await exportReview.run({ key: summary.key, since });
      if (result.saved) announce(`Review exported to ${result.path}`);
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };

  return (
    <section className="review" aria-labelledby="review-heading">
      <div className="toolbar">
        <SelectField label="Not changed in the last" value={months} onChange={setMonths} options={periods} />
        <Button onPress={() => void exportMarkdown()} isDisabled={!review}>
          Export as Markdown…
        </Button>
      </div>
      <h2 id="review-heading">Criteria review</h2>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {review && (
        <>
          <p className="muted">
            {review.findings.length === 0
              ? 'Nothing to review: criteria are recent, concrete and have examples.'
              : `${review.findings.length} findings in ${review.ladderName} ${review.version}.`}{' '}
            Dates come from the versions Trellis has seen.
          </p>
          {sections.map(({ kind, title, why }) => {
            const items = review.findings.filter((f) => f.kind === kind);
            if (items.length === 0) return null;
            return (
              <section key={kind} className="review__section card" aria-label={title}>
                <h3>
                  {title} <span className="badge">{items.length}</span>
                </h3>
                <p className="muted small">{why}</p>
                <ul>
                  {items.map((f, i) => (
                    <li key={i}>
                      <strong>{f.where}</strong>: {f.message} {f.source && <code>{`${f.source.file}:${f.source.line}:${f.source.column}`}</code>}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

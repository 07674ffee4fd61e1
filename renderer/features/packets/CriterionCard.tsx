import type { EvidenceItem } from '../../../shared/evidence/coverage';
import { type CriterionDraft, evidenceKey, evidenceKindLabel, type PacketCheck, type TargetCriterion } from '../../../shared/packets';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { SelectField } from '../../ui/SelectField';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';

/** The checks' findings by criterion, for each criterion's card. */
export function groupChecks(checks: readonly PacketCheck[]): Map<string, PacketCheck[]> {
  const map = new Map<string, PacketCheck[]>();
  for (const c of checks) if (c.criterionId) map.set(c.criterionId, [...(map.get(c.criterionId) ?? []), c]);
  return map;
}

/** One target criterion: the narrative, the linked evidence in order with notes, and what to add. */
export function CriterionCard({
  target,
  entry,
  evidence,
  checks,
  onChange,
}: {
  target: TargetCriterion;
  entry: CriterionDraft;
  evidence: readonly EvidenceItem[];
  checks: readonly PacketCheck[];
  onChange: (change: (c: CriterionDraft) => CriterionDraft) => void;
}) {
  const headingId = `criterion-${target.criterionId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const byKey = new Map(evidence.map((e) => [evidenceKey(e), e]));
  const picked = new Set(entry.evidence.map(evidenceKey));
  // Records that name this competency first, then everything else, newest first within each.
  const offered = evidence.filter((e) => !picked.has(evidenceKey(e)));
  const ordered = [
    ...offered.filter((e) => e.competencyIds.includes(target.competencyId)),
    ...offered.filter((e) => !e.competencyIds.includes(target.competencyId)),
  ];
  const move = (index: number, by: number) =>
    onChange((c) => {
      const list = [...c.evidence];
      const [item] = list.splice(index, 1);
      list.splice(Math.max(0, Math.min(list.length, index + by)), 0, item!);
      return { ...c, evidence: list };
    });
  return (
    <section className="card section-card packet-criterion" aria-labelledby={headingId}>
      <div className="section-card__header">
        <h3 id={headingId}>{target.text}</h3>
        <span className="badge">{target.competencyName}</span>
        {checks.some((c) => c.code === 'no-evidence') && <span className="badge badge--warning">No evidence</span>}
      </div>
      <TextArea label="Narrative" rows={3} value={entry.narrative} onChange={(narrative) => onChange((c) => ({ ...c, narrative }))} />
      {entry.evidence.length > 0 && (
        <ol className="plain-list packet-evidence" aria-label="Linked evidence">
          {entry.evidence.map((p, i) => {
            const item = byKey.get(evidenceKey(p));
            const label = item ? item.title : 'No longer available';
            return (
              <li key={evidenceKey(p)} className="packet-evidence__item">
                <span>
                  {item && <time dateTime={item.date}>{formatDate(item.date, 'medium')}</time>} <span className="muted">{evidenceKindLabel(p.kind)}</span>{' '}
                  {label}
                </span>
                <TextField
                  label={`Note on ${label}`}
                  hideLabel
                  placeholder="What this shows (optional)"
                  value={p.note}
                  onChange={(note) => onChange((c) => ({ ...c, evidence: c.evidence.map((e, j) => (j === i ? { ...e, note } : e)) }))}
                />
                <span className="row-actions">
                  <Button size="small" variant="quiet" aria-label={`Move ${label} up`} isDisabled={i === 0} onPress={() => move(i, -1)}>
                    ↑
                  </Button>
                  <Button
                    size="small"
                    variant="quiet"
                    aria-label={`Move ${label} down`}
                    isDisabled={i === entry.evidence.length - 1}
                    onPress={() => move(i, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    size="small"
                    variant="quiet"
                    aria-label={`Remove ${label}`}
                    onPress={() => onChange((c) => ({ ...c, evidence: c.evidence.filter((_, j) => j !== i) }))}
                  >
                    Remove
                  </Button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <SelectField<string>
        label="Add evidence"
        options={ordered.map((e) => ({
          id: evidenceKey(e),
          label: `${formatDate(e.date, 'medium')} · ${evidenceKindLabel(e.kind)} · ${e.title}${e.competencyIds.includes(target.competencyId) ? ' (names this competency)' : ''}`,
        }))}
        value={null}
        onChange={(key) => {
          const item = key ? byKey.get(key) : undefined;
          if (item) onChange((c) => ({ ...c, evidence: [...c.evidence, { kind: item.kind, id: item.id, note: '' }] }));
        }}
        placeholder={ordered.length === 0 ? 'No more evidence in the period' : 'Choose an example to link'}
      />
      {checks.length > 0 && (
        <ul className="plain-list packet-checks" aria-label="Findings for this criterion">
          {checks.map((c, i) => (
            <li key={i} className={`packet-check packet-check--${c.code}`}>
              {c.message} <span className="muted">{c.suggestion}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

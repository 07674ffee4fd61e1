import { useState } from 'react';

import { type EvidenceLink, evidenceLinkSchema, type Rating, ratingProblem, type RatingTarget, scaleChoices } from '../../../shared/domain/assessments';
import type { EvidenceItem } from '../../../shared/evidence/coverage';
import type { RatingScale } from '../../../shared/ladder';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { SelectField } from '../../ui/SelectField';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';

export interface RatingEditorProps {
  target: RatingTarget;
  /** The group's accessible name: the criterion's text, or the competency's name. */
  label: string;
  scale: RatingScale;
  rating: Rating | undefined;
  evidence: readonly EvidenceItem[];
  onChange: (patch: (r: Rating) => Rating) => void;
}

const NA_PLACEHOLDER = 'e.g. no on-call rotation in this team yet';

/** One rating: a step of the competency's scale or "not applicable" with a reason, a comment and evidence. */
export function RatingEditor({ target, label, scale, rating, evidence, onChange }: RatingEditorProps) {
  const choices = scaleChoices(scale);
  const value = rating?.value === undefined ? null : String(rating.value);
  const na = Boolean(rating?.notApplicable);
  const problem = rating ? ratingProblem(rating, scale) : null;
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | undefined>();
  const linked = new Set((rating?.evidence ?? []).flatMap((e) => (e.type === 'record' ? [`${e.link.kind}:${e.link.id}`] : [])));
  const offered = evidence.filter((e) => !linked.has(`${e.kind}:${e.id}`));

  const addUrl = () => {
    const link: EvidenceLink = { type: 'url', url: url.trim(), title: url.trim() };
    const parsed = evidenceLinkSchema.safeParse(link);
    if (!parsed.success) return setUrlError(parsed.error.issues[0]?.message ?? 'Not a web address');
    setUrlError(undefined);
    setUrl('');
    onChange((r) => ({ ...r, evidence: [...r.evidence, parsed.data] }));
  };

  return (
    <fieldset className="rating" aria-label={label}>
      {target.text !== undefined && <legend className="rating__criterion">{target.text}</legend>}
      <div className="rating__row">
        <SelectField<string>
          label="Rating"
          options={choices.map((c) => ({ id: String(c.value), label: c.label }))}
          value={na ? null : value}
          empty="Not rated"
          onChange={(v) =>
            onChange((r) => {
              const choice = choices.find((c) => String(c.value) === v);
              const { value: _old, ...rest } = r;
              return choice ? { ...rest, value: choice.value, notApplicable: undefined } : rest;
            })
          }
          description={scale.kind === 'labels' && value ? choices.find((c) => String(c.value) === value)?.description : undefined}
        />
        <Checkbox
          isSelected={na}
          onChange={(checked) =>
            onChange((r) => {
              const { value: _value, notApplicable: _na, ...rest } = r;
              return checked ? { ...rest, notApplicable: { reason: '' } } : rest;
            })
          }
        >
          Not applicable
        </Checkbox>
      </div>
      {na && (
        <TextField
          label="Why it does not apply"
          value={rating?.notApplicable?.reason ?? ''}
          onChange={(reason) => onChange((r) => ({ ...r, notApplicable: { reason } }))}
          placeholder={NA_PLACEHOLDER}
          error={problem ?? undefined}
        />
      )}
      <TextArea label="Comment" rows={2} value={rating?.comment ?? ''} onChange={(comment) => onChange((r) => ({ ...r, comment }))} />
      <div className="rating__evidence">
        {(rating?.evidence.length ?? 0) > 0 && (
          <ul className="plain-list" aria-label="Evidence">
            {rating!.evidence.map((e, i) => (
              <li key={`${i}-${e.type === 'url' ? e.url : e.link.id}`}>
                <span className="rating__evidence-title">{e.type === 'url' ? e.url : e.title}</span>
                <Button
                  size="small"
                  variant="quiet"
                  aria-label={`Remove evidence ${e.type === 'url' ? e.url : e.title}`}
                  onPress={() => onChange((r) => ({ ...r, evidence: r.evidence.filter((_, j) => j !== i) }))}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="rating__row">
          <TextField
            label="Evidence link"
            value={url}
            onChange={(v) => {
              setUrl(v);
              setUrlError(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addUrl();
              }
            }}
            placeholder="https://…"
            error={urlError}
          />
          <Button size="small" onPress={addUrl} isDisabled={url.trim() === ''}>
            Add link
          </Button>
          {offered.length > 0 && (
            <SelectField<string>
              label="Link evidence from Trellis"
              options={offered.map((e) => ({ id: `${e.kind}:${e.id}`, label: e.title }))}
              value={null}
              placeholder="A 1:1 or other record…"
              onChange={(key) => {
                const item = offered.find((e) => `${e.kind}:${e.id}` === key);
                if (item) onChange((r) => ({ ...r, evidence: [...r.evidence, { type: 'record', link: { kind: item.kind, id: item.id }, title: item.title }] }));
              }}
            />
          )}
        </div>
      </div>
    </fieldset>
  );
}

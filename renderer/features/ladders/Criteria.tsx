import type { Criterion } from '../../../shared/ladder/model';
import { cx } from '../../ui/cx';
import { Markdown } from '../../ui/Markdown';

/** Links as a Markdown list, so they open through main like every other link. */
export const linksMarkdown = (links: Criterion['links']) => links.map((l) => `- [${l.title.replace(/[[\]]/g, '')}](<${l.url}>)`).join('\n');

/** One criterion as the ladder writes it: its text (Markdown), then its own examples and links. */
export function CriterionItem({ criterion, note }: { criterion: Criterion; note?: React.ReactNode }) {
  return (
    <li className="criterion">
      <Markdown source={criterion.text} policy="ladder" className="criterion__text" />
      {note && <p className="criterion__note muted small">{note}</p>}
      {criterion.examples.length > 0 && (
        <div className="criterion__examples">
          <p className="criterion__label">Example{criterion.examples.length === 1 ? '' : 's'}</p>
          <ul>
            {criterion.examples.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {criterion.links.length > 0 && (
        <div className="criterion__links">
          <p className="criterion__label">Link{criterion.links.length === 1 ? '' : 's'}</p>
          <Markdown source={linksMarkdown(criterion.links)} policy="ladder" />
        </div>
      )}
      {criterion.idFrom === 'file' && <p className="criterion__id muted small">id {criterion.id}</p>}
    </li>
  );
}

/** Criteria one by one, each with its examples and links. */
export function CriteriaList({
  items,
  label,
  className,
  notes,
}: {
  items: Criterion[];
  label: string;
  className?: string;
  notes?: Map<string, React.ReactNode>;
}) {
  return (
    <ul className={cx('criteria-list', className)} aria-label={label}>
      {items.map((c) => (
        <CriterionItem key={c.id} criterion={c} note={notes?.get(c.id)} />
      ))}
    </ul>
  );
}

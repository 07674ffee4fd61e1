import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import { budgetSummary, defaultCurrency, type LearningKind, learningKindLabels, learningKinds, parseAmount, plainAmount } from '../../../shared/domain/stretch';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { ValidationError } from '../../db/errors';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { DateField } from '../../ui/DateField';
import { appLocale, formatDate } from '../../ui/dates';
import { formatMoney } from '../../ui/money';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';

function BudgetForm({ person, year, current }: { person: Person; year: number; current: { amount: number; currency: string } | null }) {
  const { stretch } = useRepositories();
  const { announce } = useStatus();
  const [amount, setAmount] = useState(current ? plainAmount(current.amount, current.currency) : '');
  const [currency, setCurrency] = useState(current?.currency ?? defaultCurrency(appLocale()));
  const [error, setError] = useState<string | undefined>();
  const save = async () => {
    const code = currency.trim().toUpperCase();
    if (amount.trim() === '') {
      await stretch.setBudget(person.id, year, null);
      announce(`No learning budget for ${year}`);
      return setError(undefined);
    }
    const parsed = parseAmount(amount, code);
    if (!parsed.ok) return setError(parsed.message);
    try {
      await stretch.setBudget(person.id, year, { amount: parsed.minor, currency: code });
      setError(undefined);
      announce(`Learning budget for ${year}: ${formatMoney(parsed.minor, code)}`);
    } catch (e) {
      setError(e instanceof ValidationError ? Object.values(e.fieldErrors)[0] : errorMessage(e));
    }
  };
  return (
    <form
      className="plans-milestone-form"
      aria-label={`Learning budget for ${year}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField label={`Budget for ${year}`} placeholder="No budget" value={amount} onChange={setAmount} error={error} inputMode="decimal" />
      <TextField label="Currency" value={currency} onChange={setCurrency} maxLength={3} className="plans-currency" />
      <Button type="submit">Set budget</Button>
    </form>
  );
}

function AddLearning({ person, currency }: { person: Person; currency: string }) {
  const { stretch } = useRepositories();
  const [kind, setKind] = useState<LearningKind>('course');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(todayIso());
  const [cost, setCost] = useState('');
  const [hours, setHours] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'title' | 'date' | 'cost' | 'hours' | 'form', string>>>({});
  const add = async () => {
    const parsed = cost.trim() ? parseAmount(cost, currency) : null;
    if (parsed && !parsed.ok) return setErrors({ cost: parsed.message });
    const h = hours.trim() ? Number(hours.replace(',', '.')) : undefined;
    if (h !== undefined && (!Number.isFinite(h) || h < 0)) return setErrors({ hours: 'Enter the hours as a number, like 8 or 1.5' });
    try {
      await stretch.addLearning(person.id, {
        kind,
        title,
        date,
        ...(parsed?.ok ? { cost: parsed.minor, currency } : {}),
        ...(h !== undefined ? { hours: h } : {}),
      });
      setTitle('');
      setCost('');
      setHours('');
      setErrors({});
    } catch (e) {
      setErrors(e instanceof ValidationError ? e.fieldErrors : { form: errorMessage(e) });
    }
  };
  return (
    <form
      className="plans-learning-form"
      aria-label="Add learning"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <SelectField<LearningKind> label="Kind" value={kind} onChange={setKind} options={learningKinds.map((k) => ({ id: k, label: learningKindLabels[k] }))} />
      <TextField label="Learning" placeholder="Course, talk, book…" value={title} onChange={setTitle} error={errors.title} />
      <DateField label="Date" value={date} onChange={setDate} error={errors.date} />
      <TextField label={`Cost (${currency})`} value={cost} onChange={setCost} error={errors.cost} inputMode="decimal" />
      <TextField label="Hours" value={hours} onChange={setHours} error={errors.hours} inputMode="decimal" />
      <Button type="submit">Add learning</Button>
      {errors.form && (
        <p className="field__error" role="alert">
          {errors.form}
        </p>
      )}
    </form>
  );
}

/** Learning (courses, conferences, books, time) in one year, against the person's budget for it. */
export function LearningSection({ person }: { person: Person }) {
  const { stretch } = useRepositories();
  const [year, setYear] = useState(() => Number(todayIso().slice(0, 4)));
  const data = useLiveQuery(async () => {
    const [items, budget] = await Promise.all([stretch.learningInYear(person.id, year), stretch.budget(person.id, year)]);
    return { items, budget: budget ?? null };
  }, [stretch, person.id, year]);
  const summary = data ? budgetSummary(data.items, data.budget, year) : null;
  const currency = summary?.currency ?? defaultCurrency(appLocale());
  return (
    <section className="card section-card plans-section" aria-labelledby="learning-heading">
      <div className="section-card__header">
        <h2 id="learning-heading">Learning in {year}</h2>
        <div className="toolbar">
          <Button size="small" onPress={() => setYear((y) => y - 1)} aria-label={`Show ${year - 1}`}>
            ‹ {year - 1}
          </Button>
          <Button size="small" onPress={() => setYear((y) => y + 1)} aria-label={`Show ${year + 1}`}>
            {year + 1} ›
          </Button>
        </div>
      </div>
      {!data || !summary ? (
        <p className="loading">Loading…</p>
      ) : (
        <>
          <p className="plans-budget" role="status" aria-label="Budget">
            {summary.budget !== null && summary.currency ? (
              <>
                Spent <strong>{formatMoney(summary.spent, summary.currency)}</strong> of {formatMoney(summary.budget, summary.currency)} ·{' '}
                {summary.over ? (
                  <span className="badge badge--danger">{formatMoney(-summary.left!, summary.currency)} over budget</span>
                ) : (
                  <>{formatMoney(summary.left!, summary.currency)} left</>
                )}
              </>
            ) : summary.currency ? (
              <>
                Spent <strong>{formatMoney(summary.spent, summary.currency)}</strong> · no budget set
              </>
            ) : (
              <>Nothing spent · no budget set</>
            )}
            {summary.otherCurrencies.map((o) => ` · also ${formatMoney(o.spent, o.currency)}`).join('')}
            {summary.hours > 0 ? ` · ${new Intl.NumberFormat(appLocale()).format(summary.hours)} hours` : ''}
          </p>
          <BudgetForm key={`${year}:${data.budget?.updatedAt ?? ''}`} person={person} year={year} current={data.budget} />
          {data.items.length > 0 && (
            <DataTable label={`Learning in ${year}`} columns={['Learning', 'Kind', 'Date', 'Cost', 'Hours']} actions>
              {data.items.map((i) => (
                <tr key={i.id}>
                  <td>{i.title}</td>
                  <td>{learningKindLabels[i.kind]}</td>
                  <td>{formatDate(i.date, 'medium')}</td>
                  <td>{i.cost && i.currency ? formatMoney(i.cost, i.currency) : <span className="muted">—</span>}</td>
                  <td>{i.hours ?? <span className="muted">—</span>}</td>
                  <td>
                    <Button size="small" variant="quiet" aria-label={`Remove ${i.title}`} onPress={() => void stretch.removeLearning(i.id)}>
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <AddLearning person={person} currency={currency} />
        </>
      )}
    </section>
  );
}

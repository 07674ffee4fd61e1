import type { ActionItem } from '../../domain/meetings';
import type { SampleContext, SampleModule } from '../context';
import { stampAt, toDay } from '../days';
import { apportion } from '../random';
import { actionText, Writer } from '../text';

const MS_PER_DAY = 86_400_000;

/**
 * What was agreed in each meeting: a few action items, most owned by the report. Old ones are
 * nearly all done; what is still open is mostly recent, with a tail of forgotten items, so about
 * half of the open ones are overdue — as in a real five-year history.
 */
export const actionItemsModule: SampleModule = {
  id: 'action-items',
  fills: ['actionItems'],
  after: ['org', 'one-on-ones'],
  generate(ctx: SampleContext) {
    const { rng, size } = ctx;
    const today = toDay(ctx.today);
    const endOfToday = stampAt(today, '23:59');
    const meetings = ctx.tables.meetings;
    const archived = new Set(ctx.tables.people.filter((p) => p.archived).map((p) => p.id));
    const counts = apportion(
      size.actionItems,
      meetings.map(() => 0.3 + rng.next() * 1.4),
    );
    const items: ActionItem[] = [];
    const keys: number[] = [];
    const w = meetings[0] ? new Writer(rng, ctx.facts.sceneFor!(meetings[0].personId, meetings[0].date)) : undefined;
    meetings.forEach((m, i) => {
      w!.scene = ctx.facts.sceneFor!(m.personId, m.date);
      const day = toDay(m.date);
      const base = Date.parse(m.createdAt);
      // Weighted sampling without replacement (Efraimidis–Spirakis): recent items stay open far more often.
      const weight = archived.has(m.personId) ? 0 : Math.exp(-(today - day) / 50) + 0.004;
      for (let j = 0; j < counts[i]!; j++) {
        const owner = rng.chance(0.35) ? 'me' : 'them';
        const createdAt = new Date(base + rng.int(5, 40) * 60_000).toISOString();
        const item: ActionItem = {
          id: rng.uuid(),
          personId: m.personId,
          meetingId: m.id,
          text: actionText(w!, owner),
          owner,
          done: true,
          createdAt,
          updatedAt: createdAt,
        };
        if (rng.chance(0.6)) item.due = new Date((day + rng.int(2, 21)) * MS_PER_DAY).toISOString().slice(0, 10);
        items.push(item);
        keys.push(weight === 0 ? -Infinity : Math.log(rng.next() || Number.MIN_VALUE) / weight);
      }
    });
    const order = keys.map((_, i) => i).sort((a, b) => keys[b]! - keys[a]! || a - b);
    const open = new Set(order.slice(0, size.openActionItems));
    items.forEach((item, i) => {
      if (open.has(i)) {
        item.done = false;
        return;
      }
      // Done some days after it was agreed: around the due date when it had one, never after today.
      const created = Date.parse(item.createdAt);
      const target = item.due ? (toDay(item.due) + rng.int(-4, 6)) * MS_PER_DAY + rng.int(9, 18) * 3_600_000 : created + rng.int(1, 28) * MS_PER_DAY;
      const doneAt = new Date(Math.min(Date.parse(endOfToday), Math.max(created + 60_000, target))).toISOString();
      item.doneAt = doneAt;
      item.updatedAt = doneAt;
    });
    for (const item of items) ctx.tables.actionItems.push(item);
  },
};

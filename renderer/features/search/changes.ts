/**
 * Reads Dexie's change notices ("storagemutated": what liveQuery is built on). Dexie sends them
 * to every context of the origin over a BroadcastChannel, whichever connection wrote (the app's,
 * the strict-durability one for imports, another window), after the transaction committed. Each
 * part is `idb://<database>/<table>/<index>` with a set of key ranges; the primary key's part
 * ("" index) names the rows written. Bulk writes of many rows name the whole table instead.
 */

interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

export interface TableChange {
  /** Rows written or deleted, by primary key. */
  ids: Set<string>;
  /** Some change was a range (a bulk write, a collection delete): read the whole table again. */
  all: boolean;
}

/** What changed in each table of `database`, from one notice. */
export function tableChanges(parts: Record<string, unknown>, database: string): Map<string, TableChange> {
  const changes = new Map<string, TableChange>();
  const prefix = `idb://${database}/`;
  for (const [part, set] of Object.entries(parts)) {
    if (part === 'all') {
      changes.set('*', { ids: new Set(), all: true });
      continue;
    }
    if (!part.startsWith(prefix)) continue;
    const [table, index] = part.slice(prefix.length).split('/');
    if (!table || index !== '') continue;
    const change: TableChange = { ids: new Set(), all: false };
    walk(set as RangeNode, change);
    if (change.all || change.ids.size > 0) changes.set(table, change);
  }
  return changes;
}

function walk(node: RangeNode | null | undefined, change: TableChange): void {
  if (!node || !('from' in node)) return;
  if (typeof node.from === 'string' && node.from === node.to) change.ids.add(node.from);
  else change.all = true;
  walk(node.l, change);
  walk(node.r, change);
}

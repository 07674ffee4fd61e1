export interface DataTableProps {
  /** Names the table for assistive technology (and for tests): "People", "Series". */
  label: string;
  columns: string[];
  /** Adds a last column, unlabelled on screen, for the buttons of each row (td.row-actions). */
  actions?: boolean;
  /** The rows: <tr> elements. */
  children: React.ReactNode;
}

/** A list of records as a table in a card: the People and 1:1s lists. */
export function DataTable({ label, columns, actions, children }: DataTableProps) {
  return (
    <div className="card">
      <table className="data-table" aria-label={label}>
        <DataTableHead columns={columns} actions={actions} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The header row of a data table: one column heading each, and a hidden "Actions" one for the row buttons. */
export function DataTableHead({ columns, actions, rowIndex }: Pick<DataTableProps, 'columns' | 'actions'> & { rowIndex?: number }) {
  return (
    <thead>
      <tr aria-rowindex={rowIndex}>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
        {actions && (
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

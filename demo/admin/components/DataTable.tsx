import type { ComponentChildren } from 'preact';

export interface Column {
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
}

/** A real table (caption, column and row headers) in a scroll box that keyboards can reach. */
export function DataTable({ caption, columns, rows }: { caption: string; columns: readonly Column[]; rows: ReadonlyArray<readonly ComponentChildren[]> }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" class={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} class={columns[i]?.numeric ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A table of places (teams, communes) by indicator whose columns sort when their header is
 * pressed (aria-sort says how it is sorted). Each cell shows the value with its status in words;
 * cells below target are marked. Presentational: the caller computes the cells.
 */
import { useState } from 'react';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/feature-messages.ts';

export interface TableCell {
  /** What the cell says: the value and the status in words. */
  text: string;
  /** The value sorted by (null: no data, always last). */
  sortValue: number | null;
  isBelow: boolean;
}

export interface TableRow {
  id: string;
  name: string;
  cells: TableCell[];
}

type Sort = { column: number; direction: 'ascending' | 'descending' };

function sortRows(rows: readonly TableRow[], sort: Sort): TableRow[] {
  if (sort.column < 0) return [...rows].sort((a, b) => a.name.localeCompare(b.name, 'vi') * (sort.direction === 'ascending' ? 1 : -1));
  return [...rows].sort((a, b) => {
    const [x, y] = [a.cells[sort.column]?.sortValue ?? null, b.cells[sort.column]?.sortValue ?? null];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x - y) * (sort.direction === 'ascending' ? 1 : -1);
  });
}

export function SortableTable({ caption, placeLabel, columns, rows }: { caption: string; placeLabel: string; columns: readonly string[]; rows: readonly TableRow[] }) {
  const { t } = useT();
  const [sort, setSort] = useState<Sort>({ column: -1, direction: 'ascending' });
  const header = (column: number, label: string) => {
    const isSorted = sort.column === column;
    const next = isSorted && sort.direction === 'ascending' ? 'descending' : 'ascending';
    return (
      <th key={column} scope="col" aria-sort={isSorted ? sort.direction : 'none'}>
        <button type="button" className="sort-button" onClick={() => setSort({ column, direction: next })}
          aria-label={t('board.sortBy', { column: label })}>{label} {isSorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}</button>
      </th>
    );
  };
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="board-table">
        <caption>{caption}</caption>
        <thead><tr>{header(-1, placeLabel)}{columns.map((label, index) => header(index, label))}</tr></thead>
        <tbody>
          {sortRows(rows, sort).map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, index) => <td key={index} className={cell.isBelow ? 'board-table--below' : ''}>{cell.isBelow ? `⚠ ${cell.text}` : cell.text}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';

/** A table's header row of plain column titles. */
export function HeaderRow({ columns }: { columns: readonly string[] }) {
  return (
    <TableHeader>
      <TableRow>
        {columns.map((c) => (
          <TableHeaderCell key={c}>{c}</TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}

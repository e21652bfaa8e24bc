import { TableHeaderCell } from '@fluentui/react-table';
import { makeStyles } from '@griffel/react';
import type { ReactNode } from 'react';

/** A column header for figures: aligned to the end, like the numbers under it. */
const useStyles = makeStyles({
  cell: { textAlign: 'end' },
  inner: { justifyContent: 'flex-end', textAlign: 'end' },
});

export function NumericHeaderCell({ children }: { children: ReactNode }) {
  const s = useStyles();
  return (
    <TableHeaderCell className={s.cell} button={{ className: s.inner }}>
      {children}
    </TableHeaderCell>
  );
}

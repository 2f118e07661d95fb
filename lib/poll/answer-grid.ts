import { VOTE_VALUES, type VoteValue } from '@/lib/poll/model';

/**
 * The answer after one click or Space on a grid cell: yes, then if need be, then no, then
 * yes again. An unanswered cell starts at yes, the answer most people give first.
 */
export function cycleVote(current: VoteValue | undefined): VoteValue {
  if (current === undefined) return VOTE_VALUES[0];
  return VOTE_VALUES[(VOTE_VALUES.indexOf(current) + 1) % VOTE_VALUES.length] ?? VOTE_VALUES[0];
}

/** A cell of the answer grid: its row (a participant) and column (an option), from 0. */
export interface GridCell {
  row: number;
  col: number;
}

/**
 * Where a key moves the focus in a grid of `rows` × `cols` cells, as the ARIA grid pattern
 * says: arrows by one cell, stopping at the edges (no wrap, so a screen-reader user knows
 * they reached the end), Home and End to the row's ends, Ctrl+Home and Ctrl+End to the
 * grid's corners. Null for a key the grid does not handle, so it keeps its usual meaning.
 */
export function moveCell(
  from: GridCell,
  key: string,
  size: { rows: number; cols: number },
  ctrl = false,
): GridCell | null {
  const lastRow = Math.max(0, size.rows - 1);
  const lastCol = Math.max(0, size.cols - 1);
  const clamp = (row: number, col: number) => ({
    row: Math.min(lastRow, Math.max(0, row)),
    col: Math.min(lastCol, Math.max(0, col)),
  });
  switch (key) {
    case 'ArrowLeft':
      return clamp(from.row, from.col - 1);
    case 'ArrowRight':
      return clamp(from.row, from.col + 1);
    case 'ArrowUp':
      return clamp(from.row - 1, from.col);
    case 'ArrowDown':
      return clamp(from.row + 1, from.col);
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : clamp(from.row, 0);
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : clamp(from.row, lastCol);
    default:
      return null;
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleVote, moveCell } from '@/lib/poll/answer-grid';
import { VOTE_VALUES } from '@/lib/poll/model';

describe('cycleVote', () => {
  it('goes yes, if need be, no and back to yes; an empty cell starts at yes', () => {
    expect(cycleVote(undefined)).toBe('yes');
    expect(cycleVote('yes')).toBe('ifneedbe');
    expect(cycleVote('ifneedbe')).toBe('no');
    expect(cycleVote('no')).toBe('yes');
  });

  it('comes back to any answer after three presses', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VOTE_VALUES), (v) => {
        expect(cycleVote(cycleVote(cycleVote(v)))).toBe(v);
      }),
    );
  });
});

describe('moveCell', () => {
  const size = { rows: 3, cols: 15 };

  it('moves one cell per arrow', () => {
    expect(moveCell({ row: 1, col: 4 }, 'ArrowRight', size)).toEqual({ row: 1, col: 5 });
    expect(moveCell({ row: 1, col: 4 }, 'ArrowLeft', size)).toEqual({ row: 1, col: 3 });
    expect(moveCell({ row: 1, col: 4 }, 'ArrowUp', size)).toEqual({ row: 0, col: 4 });
    expect(moveCell({ row: 1, col: 4 }, 'ArrowDown', size)).toEqual({ row: 2, col: 4 });
  });

  it('stops at the edges instead of wrapping', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowLeft', size)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 2, col: 14 }, 'ArrowDown', size)).toEqual({ row: 2, col: 14 });
  });

  it('Home and End go to the row ends, with Ctrl to the corners', () => {
    expect(moveCell({ row: 1, col: 4 }, 'Home', size)).toEqual({ row: 1, col: 0 });
    expect(moveCell({ row: 1, col: 4 }, 'End', size)).toEqual({ row: 1, col: 14 });
    expect(moveCell({ row: 1, col: 4 }, 'Home', size, true)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 1, col: 4 }, 'End', size, true)).toEqual({ row: 2, col: 14 });
  });

  it('leaves other keys alone', () => {
    expect(moveCell({ row: 1, col: 4 }, 'Tab', size)).toBeNull();
    expect(moveCell({ row: 1, col: 4 }, ' ', size)).toBeNull();
  });

  it('always lands inside the grid', () => {
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.tuple(fc.constantFrom(...keys), fc.boolean())),
        (rows, cols, presses) => {
          let at = { row: 0, col: 0 };
          for (const [key, ctrl] of presses) at = moveCell(at, key, { rows, cols }, ctrl) ?? at;
          expect(at.row).toBeGreaterThanOrEqual(0);
          expect(at.row).toBeLessThan(rows);
          expect(at.col).toBeGreaterThanOrEqual(0);
          expect(at.col).toBeLessThan(cols);
        },
      ),
    );
  });
});

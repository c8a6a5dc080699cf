import type { Board, BoardRow } from '../board';
import type { SearchResult } from '../search';

export const LIST_PAGE = 100;

/** Indexes into the board's units, leaders, lights and deadlines; -1: any. */
export interface Filter {
  unit: number;
  leader: number;
  light: number;
  deadline: number;
}
export type FilterName = keyof Filter;
export const FILTER_NAMES: readonly FilterName[] = ['unit', 'leader', 'light', 'deadline'];
export type BoardKind = 'units' | 'leaders';

export const noFilter = (): Filter => ({ unit: -1, leader: -1, light: -1, deadline: -1 });

/** What the page shows: one board, the filters and the search over it. */
export const state: {
  reportKey: string;
  board: Board | undefined;
  byId: Map<string, BoardRow>;
  filter: Filter;
  /** the question engine's answer: ids in its order, or undefined when the box is empty */
  search: SearchResult | undefined;
  listLimit: number;
  showAll: Record<BoardKind, boolean>;
} = {
  reportKey: '',
  board: undefined,
  byId: new Map(),
  filter: noFilter(),
  search: undefined,
  listLimit: LIST_PAGE,
  showAll: { units: false, leaders: false },
};

/** [red, yellow, green] */
export type Counts = [number, number, number];

/**
 * One pass over the rows: the list (every filter) and each board's counts (every filter but its own
 * dimension, so a board keeps showing the other units or leaders to tap). At 10,000 targets this is
 * the whole cost of a tap, so no intermediate arrays. All in the page: no round trip per tap.
 */
export const tally = (rows: readonly BoardRow[], unitCount: number, leaderCount: number): { units: Counts[]; leaders: Counts[]; list: BoardRow[] } => {
  const f = state.filter;
  const units = Array.from({ length: unitCount }, (): Counts => [0, 0, 0]);
  const leaders = Array.from({ length: leaderCount }, (): Counts => [0, 0, 0]);
  const list: BoardRow[] = [];
  for (const t of rows) {
    const light = t.light as 0 | 1 | 2;
    if ((f.light >= 0 && t.light !== f.light) || (f.deadline >= 0 && t.deadline !== f.deadline)) continue;
    const unitOk = f.unit < 0 || t.units.includes(f.unit);
    const leaderOk = f.leader < 0 || t.leaders.includes(f.leader);
    if (leaderOk) for (const i of t.units) if (i >= 0) (units[i] as Counts)[light] += 1;
    if (unitOk) for (const i of t.leaders) if (i >= 0) (leaders[i] as Counts)[light] += 1;
    if (unitOk && leaderOk) list.push(t);
  }
  return { units, leaders, list };
};

/** The rows the search picked, in the engine's order; all rows without a search. */
export const searched = (board: Board): readonly BoardRow[] => {
  if (!state.search) return board.targets;
  return state.search.ids.map((id) => state.byId.get(id)).filter((t): t is BoardRow => t !== undefined);
};

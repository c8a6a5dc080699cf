import { compareIds, leadersOf, unitsOf, type Target } from '../model';
import { barPercent, describeMeasure } from '../progress/bar';
import type { Assessment, Light } from '../progress/light';
import type { Engine } from '../qa/engine';
import { WORDS } from '../wording/answers';

/**
 * Everything the page needs to draw a report, in one response: the title line and totals,
 * the units and leaders (worst first, as the chat's 统计 orders them), the deadlines, and one
 * compact row per target. The page filters and counts these rows itself, so a filter over
 * 10,000 targets costs no round trip; a search asks the server (the question engine).
 *
 * Rows name their fields (the page reads `t.light`, not a position both sides must agree on);
 * units, leaders and deadlines are indexes into their lists, and a row without a measure leaves
 * `bar` and `measure` out, which keeps a 10,000-target board small (it is sent gzipped).
 */
export interface ReportInfo {
  /** how the API names the report (`?report=`) */
  key: string;
  title: string;
  city: string;
  year: number;
  period: string;
  asOf: string;
  /** the newest report, the one the chat answers from */
  current: boolean;
}

export interface Board {
  report: ReportInfo;
  totals: { targets: number; assignments: number; lagging: number; onScheduleRate: number; lights: Record<Light, number> };
  units: string[];
  leaders: string[];
  /** deadlines in date order, then 长期坚持, then wording not understood */
  deadlines: { key: string; label: string }[];
  targets: BoardRow[];
}

/** One target on the board. */
export interface BoardRow {
  /** 序号 */
  id: string;
  /** 0 red (lagging), 1 yellow, 2 green: LIGHT_ORDER */
  light: number;
  text: string;
  /** indexes into Board.units, Board.leaders and Board.deadlines */
  units: number[];
  leaders: number[];
  deadline: number;
  /** the progress bar's percent and the measure it shows, when the progress names one */
  bar?: number;
  measure?: string;
}

export const LIGHT_ORDER: readonly Light[] = Object.freeze(['red', 'yellow', 'green'] as Light[]);

const deadlineKey = (t: Target): string => (t.deadline.kind === 'date' ? t.deadline.date : t.deadline.kind === 'ongoing' ? 'ongoing' : `other:${t.deadline.text}`);

const deadlineOrder = (a: string, b: string): number => {
  const rank = (k: string): number => (k === 'ongoing' ? 1 : k.startsWith('other:') ? 2 : 0);
  return rank(a) - rank(b) || a.localeCompare(b);
};

const indexer = (names: readonly string[]): ((name: string) => number) => {
  const at = new Map(names.map((n, i) => [n, i]));
  return (name) => at.get(name) ?? -1;
};

/** The board of the engine's report; `key` and `current` come from the report catalogue. */
export const toBoard = (engine: Engine, report: Pick<ReportInfo, 'key' | 'current'>): Board => {
  const { report: r, assessed } = engine;
  const stats = engine.askAs('stats', '').stats;
  if (!stats) throw new Error(`the engine gave no statistics for ${r.source.file}`);
  const units = stats.byUnit.map((g) => g.name);
  const leaders = stats.byLeader.map((g) => g.name);
  const unitIndex = indexer(units);
  const leaderIndex = indexer(leaders);

  const labels = new Map<string, string>();
  for (const t of r.targets) {
    const key = deadlineKey(t);
    if (!labels.has(key)) labels.set(key, key === 'ongoing' ? WORDS.ongoing : t.deadline.text || '—');
  }
  const deadlines = [...labels.keys()].sort(deadlineOrder).map((key) => ({ key, label: labels.get(key) as string }));
  const deadlineIndex = indexer(deadlines.map((d) => d.key));

  // in the chat's list order (ascending 序号), with the lights the engine assessed
  const lights = new Map(assessed.items.map((x) => [x.target, x.assessment]));
  const rows: BoardRow[] = [...r.targets]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((t) => {
      const a = lights.get(t) as Assessment;
      const m = a.measure;
      return {
        id: t.id,
        light: LIGHT_ORDER.indexOf(a.light),
        text: t.text,
        units: unitsOf(t).map(unitIndex),
        leaders: leadersOf(t).map(leaderIndex),
        deadline: deadlineIndex(deadlineKey(t)),
        ...(m ? { bar: barPercent(m), measure: describeMeasure(m) } : {}),
      };
    });
  return {
    report: { key: report.key, current: report.current, title: r.title, city: r.city, year: r.year, period: r.period, asOf: r.asOf },
    totals: { targets: stats.total, assignments: stats.assignments, lagging: stats.lagging, onScheduleRate: stats.onScheduleRate, lights: stats.lights },
    units,
    leaders,
    deadlines,
    targets: rows,
  };
};

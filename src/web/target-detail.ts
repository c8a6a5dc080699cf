import { isLagging, type Assignment } from '../model';
import { barPercent, describeMeasure } from '../progress/bar';
import type { Measure } from '../progress/extract';
import { targetHistory } from '../progress/history';
import { LIGHT_LABEL, type Light } from '../progress/light';
import type { Engine } from '../qa/engine';
import { changeText } from '../view';
import { WORDS } from '../wording/answers';

/** What the page's detail panel shows for one target: the chat's /item content, plus a chart's points. */
export interface TargetDetail {
  id: string;
  text: string;
  deadline: string;
  light: Light;
  lightLabel: string;
  lagging: boolean;
  reasons: string[];
  measure?: MeasureView;
  /** the goal when no achieved number was found (目标80家, 进展中未写明完成数量) */
  goal?: string;
  assignments: Pick<Assignment, 'leader' | 'units' | 'cooperating' | 'progress' | 'onSchedule'>[];
  /** one point per compared report, oldest first, ending with this one */
  history: { label: string; asOf: string; present: boolean; light?: Light; measure?: MeasureView }[];
  /** 2022-06-30 → 2022-09-30：绿灯→红灯 · … */
  changes: string[];
}

interface MeasureView {
  /** the bar's percent, as the chat's bar shows it */
  percent: number;
  /** 目标增长 8% · 实际增长 6.8% */
  text: string;
  achieved: number;
  unit: string;
}

const measureView = (m: Measure): MeasureView => ({ percent: barPercent(m), text: describeMeasure(m), achieved: m.achieved, unit: m.unit });

/** The target with this 序号 in the engine's report, or undefined. History covers the engine's timeline (reports up to this one). */
export const toTargetDetail = (engine: Engine, id: string): TargetDetail | undefined => {
  const item = engine.assessed.items.find((x) => x.target.id === id);
  if (!item) return undefined;
  const { target: t, assessment: a } = item;
  const history = targetHistory(engine.timeline, id);
  const detail: TargetDetail = {
    id: t.id,
    text: t.text,
    deadline: t.deadline.text || '—',
    light: a.light,
    lightLabel: LIGHT_LABEL[a.light],
    lagging: isLagging(t),
    reasons: a.reasons,
    assignments: t.assignments.map(({ leader, units, cooperating, progress, onSchedule }) => ({ leader, units, ...(cooperating?.length ? { cooperating } : {}), progress, onSchedule })),
    history: (history?.points ?? []).map((p) => ({
      label: WORDS.periodLabel(p.year, p.period),
      asOf: p.asOf,
      present: p.present,
      ...(p.light ? { light: p.light } : {}),
      ...(p.measure ? { measure: measureView(p.measure) } : {}),
    })),
    changes: (history?.changes ?? []).map((c) => `${c.from} → ${c.to}：${changeText(c)}`),
  };
  if (a.measure) detail.measure = measureView(a.measure);
  else if (a.goal) detail.goal = a.goal.text;
  return detail;
};

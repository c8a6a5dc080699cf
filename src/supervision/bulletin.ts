import { isLagging, labelledUnits, leadersOf, STATUS_KINDS, type Report, type StatusKind, type Target } from '../model';
import type { GroupStats, Stats } from '../qa/answer';
import { BULLETIN_WORDS as W, WORDS } from '../wording';
import { unitStatuses } from './status';

/**
 * The bulletin (通报) of one period as content, before any file format: the Word and the
 * spreadsheet renderers (bulletin-docx.ts, bulletin-xlsx.ts) lay out the same figures.
 *
 * Its inputs are plain records, so whatever keeps reminders and replies (the store's supervision
 * port) is adapted in one line: a Reminder and a FeedbackReply of src/store/types.ts are both.
 */

/** One unit reminded (催办) of some targets, at some time (ISO). */
export interface BulletinReminder {
  unit: string;
  targets: string[];
  at: string;
}

/** What a unit replied (反馈) about one target. */
export interface BulletinReply {
  unit: string;
  target: string;
  person: string;
  text: string;
  at: string;
}

export interface BulletinInput {
  report: Report;
  /** the statistics answer's overview (engine.askAs('stats')): the bulletin's figures are the chat's */
  stats: Stats;
  reminders: readonly BulletinReminder[];
  replies: readonly BulletinReply[];
  /** when it is made, and the time zone its times are written in */
  now: Date;
  timezone: string;
}

export interface BulletinGroup {
  name: string;
  total: number;
  lagging: number;
  rate: number;
}

export interface LaggingTarget {
  id: string;
  text: string;
  leaders: string[];
  /** 市工信局（牵头）when the table has cooperating units, else the names */
  units: string[];
  deadline: string;
  progress: string;
  /** each unit's latest reply about this target, as a line (unit person (time): text), in the units' order */
  replies: string[];
}

export interface SilentUnit {
  unit: string;
  times: number;
  lastReminded: string;
  /** 序号 it was reminded of and has not replied about */
  missing: string[];
}

export interface Bulletin {
  title: string;
  /** 截至2022年9月30日 */
  asOf: string;
  source: string;
  generated: string;
  totals: { targets: number; assignments: number; onPlan: number; lagging: number; rate: number };
  /** 已完成 3 项，超进度 … when the table has verdicts */
  stages?: { label: string; count: number }[];
  byUnit: BulletinGroup[];
  byLeader: BulletinGroup[];
  lagging: LaggingTarget[];
  reminded: number;
  silent: SilentUnit[];
}

const group = (g: GroupStats): BulletinGroup => ({ name: g.name, total: g.total, lagging: g.lagging, rate: g.total === 0 ? 0 : (g.total - g.lagging) / g.total });

/** 2022-10-05 14:30 in the bot's time zone. */
export const formatTime = (iso: string, timeZone: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
};

/** The title from the table's meta: 菏泽市2022年第三季度责任目标推进情况通报. */
export const bulletinTitle = (report: Pick<Report, 'city' | 'year' | 'period'>): string => W.title(report.city, report.year, report.period);

/** Every assignment's progress text, one per line, without repeats (continuation rows often repeat it). */
export const progressOf = (target: Target): string => [...new Set(target.assignments.map((a) => a.progress.trim()).filter(Boolean))].join('\n');

/** 市工信局（牵头）、市财政局（配合）as answers label them, or the names alone when the table has no cooperating units. */
export const unitLabels = (target: Target): string[] => labelledUnits(target).map(({ unit, role }) => WORDS.withRole(unit, role));

/**
 * The latest reply per (unit, target): a unit that replied twice is quoted by its newer words.
 * Replies of units no longer responsible for the target are left out: they answer for someone else.
 */
const latestReplies = (replies: readonly BulletinReply[]): Map<string, BulletinReply> => {
  const latest = new Map<string, BulletinReply>();
  for (const r of replies) {
    const key = `${r.target}\u0000${r.unit}`;
    const seen = latest.get(key);
    if (!seen || r.at >= seen.at) latest.set(key, r);
  }
  return latest;
};

/**
 * The units reminded this period that still owe a reply, as /feedback counts them (unitStatuses):
 * the targets of all a unit's reminders without a reply from that unit. The longest silence first.
 */
const silentUnits = (input: BulletinInput): { reminded: number; silent: SilentUnit[] } => {
  const statuses = unitStatuses(input.reminders, input.replies, input.now, 0);
  const silent = statuses
    .filter((s) => s.missing.length > 0)
    .sort((a, b) => a.reminded.localeCompare(b.reminded) || b.missing.length - a.missing.length || a.unit.localeCompare(b.unit, 'zh'))
    .map((s) => ({ unit: s.unit, times: s.times, lastReminded: formatTime(s.reminded, input.timezone), missing: s.missing }));
  return { reminded: statuses.length, silent };
};

/** The bulletin's content: figures from the statistics answer, lagging targets from the table, replies and reminders as given. */
export const buildBulletin = (input: BulletinInput): Bulletin => {
  const { report, stats, timezone } = input;
  const latest = latestReplies(input.replies);
  const lagging = report.targets.filter(isLagging).map((t): LaggingTarget => {
    const units = labelledUnits(t).map((u) => u.unit);
    const replies = units.flatMap((unit) => {
      const r = latest.get(`${t.id}\u0000${unit}`);
      return r ? [W.reply(unit, r.person, formatTime(r.at, timezone), r.text)] : [];
    });
    return { id: t.id, text: t.text, leaders: leadersOf(t), units: unitLabels(t), deadline: t.deadline.text, progress: progressOf(t), replies };
  });
  const { reminded, silent } = silentUnits(input);
  const stages = stats.stages;
  return {
    title: bulletinTitle(report),
    asOf: W.asOf(report.asOf),
    source: W.source(report.title),
    generated: W.generated(formatTime(input.now.toISOString(), timezone)),
    totals: { targets: stats.total, assignments: stats.assignments, onPlan: stats.total - stats.lagging, lagging: stats.lagging, rate: stats.onScheduleRate },
    ...(stages ? { stages: STATUS_KINDS.filter((k) => stages[k] > 0).map((k: StatusKind) => ({ label: WORDS.stageFilter[k], count: stages[k] })) } : {}),
    byUnit: stats.byUnit.map(group),
    byLeader: stats.byLeader.map(group),
    lagging,
    reminded,
    silent,
  };
};

/** The overview's sentences, shared by both renderers. */
export const overviewLines = (b: Bulletin): string[] => [
  W.overview(b.totals.targets, b.totals.assignments, b.totals.onPlan, b.totals.lagging, b.totals.rate),
  ...(b.stages?.length ? [W.stages(b.stages.map((s) => W.stagePart(s.label, s.count)))] : []),
  W.reminded(b.reminded, b.silent.length),
];

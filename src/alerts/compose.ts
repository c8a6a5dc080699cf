import { escapeHtml, htmlField, htmlToPlain, shorten } from '../text/telegram-text';
import { isLagging, labelledUnits, type Report, type Target } from '../model';
import type { ReportDiff, TargetChange } from '../import/diff';
import { periodName, reportName } from '../import/summary';
import { DIGEST_WORDS as W, KEYWORD_SCOPE } from '../wording/alerts';
import { WORDS } from '../wording/answers';
import { describeFilter, laggingUnder, type FilterMatcher } from './filters';
import type { SubscriptionFilter } from '../store/types';
import { lightChangesFor, type LightChange, type LightDiff } from './yellow';
import type { AssessedTarget } from '../progress/light';

/**
 * Alert texts (HTML, every piece of data escaped). Each digest is a list of
 * self-contained lines — a line never spans two messages, so a split never
 * falls inside a tag — packed into parts under the size limits.
 *
 * Every field that comes from a table or a user (target text, units, deadline,
 * progress, title, filters) is flattened to one line and shortened to its FIELD
 * width before escaping, so a line, a header and hence a part stay bounded
 * whatever the cells hold.
 */
export interface ComposeLimits {
  /** UTF-16 units per part (Telegram: 4096 after entity parsing; raw HTML is always longer, so this is safe) */
  maxMessageUnits: number;
  /** target lines per part */
  targetsPerPart: number;
}

type Section = 'became-lagging' | 'new' | 'still-lagging' | 'recovered' | 'progress-changed' | 'removed';
type LightSection = LightChange['kind'];

const SECTION_ORDER: Section[] = ['became-lagging', 'new', 'still-lagging', 'recovered', 'progress-changed', 'removed'];
/** Where the yellow sections go in a digest: risks after the lagging news, the all-clears after the recoveries. */
const DIGEST_ORDER: (Section | LightSection)[] = ['became-lagging', 'new', 'still-lagging', 'became-yellow', 'recovered', 'left-yellow', 'progress-changed', 'removed'];

/** Widths (code points) of the data fields in alert texts. */
export const FIELD = Object.freeze({
  id: 16,
  text: 48,
  unit: 24,
  deadline: 24,
  progress: 80,
  reason: 60,
  filter: 40,
  /** filters named in the header; the rest are counted */
  filtersShown: 5,
});

/** the deciding reason of a light, short */
const firstReason = (reasons: readonly string[]): string => htmlField(reasons[0] ?? '', FIELD.reason);

const laggingProgress = (target: Target): string =>
  target.assignments
    .filter((a) => !a.onSchedule)
    .map((a) => a.progress)
    .join('；');

const progressText = (target: Target): string => target.assignments.map((a) => a.progress).join('\n');

/** One target as a compact line (two on a phone at most): 序号, text, units (with 牵头/配合 when the table has both), deadline. */
export const targetLine = (target: Target, note?: string): string => {
  const units = labelledUnits(target).map(({ unit, role }) => WORDS.withRole(shorten(unit, FIELD.unit, { oneLine: true }), role));
  const who = W.units(units.slice(0, 3), units.length > 3);
  const head = `• <b>${htmlField(target.id, FIELD.id)}</b> ${htmlField(target.text, FIELD.text)}`;
  const meta = [who && escapeHtml(who), target.deadline.text && W.deadline(htmlField(target.deadline.text, FIELD.deadline))].filter(Boolean).join(W.metaSeparator);
  return `${head}${meta ? `\n  ${meta}` : ''}${note ? `\n  ${note}` : ''}`;
};

const reportLine = (report: Report): string => escapeHtml(reportName(report));

/** The chat's filters, each shortened, the first few named and the rest counted; a keyword's scope said once. */
const filtersLine = (filters: readonly SubscriptionFilter[], yellow = false): string => {
  const named = filters.slice(0, FIELD.filtersShown).map((f) => shorten(describeFilter(f), FIELD.filter, { oneLine: true }));
  const scope = filters.some((f) => f.kind === 'keyword') ? `\n${KEYWORD_SCOPE}` : '';
  return `${W.filters(named.map(escapeHtml), filters.length, yellow)}${scope}`;
};

/**
 * Whether a change concerns a subscriber with this filter. Filters name a set
 * of targets; "全部滞后项目" (kind 'all') keeps the changes that touch a lagging
 * status, the others keep every change of their targets. A target still
 * lagging with the same progress text is not a change, so a re-import of
 * unchanged data produces nothing.
 */
const relevant = (change: TargetChange, filter: SubscriptionFilter, matcher: FilterMatcher, report: Report, previous: Report | undefined): boolean => {
  if (change.kind === 'still-lagging' && change.before && progressText(change.before) === progressText(change.target)) return false;
  if (!matcher(filter, report)(change.target) && !(change.before && previous && matcher(filter, previous)(change.before))) return false;
  if (filter.kind !== 'all') return true;
  return isLagging(change.target) || (change.before !== undefined && isLagging(change.before));
};

/** The changes of a diff that concern a subscriber (any of its filters), each target once, by section then 序号 order. */
export const changesFor = (diff: ReportDiff, filters: readonly SubscriptionFilter[], matcher: FilterMatcher, report: Report, previous?: Report): TargetChange[] => {
  const picked = diff.changes.filter((c) => filters.some((f) => relevant(c, f, matcher, report, previous)));
  return SECTION_ORDER.flatMap((section) => picked.filter((c) => c.kind === section));
};

const changeLine = (change: TargetChange, lights?: LightDiff): string => {
  switch (change.kind) {
    case 'became-lagging':
    case 'still-lagging':
      return targetLine(change.target, W.progress(htmlField(laggingProgress(change.target), FIELD.progress)));
    case 'new':
      return targetLine(change.target, isLagging(change.target) ? W.newLagging : undefined);
    case 'progress-changed':
      return targetLine(change.target, W.progress(htmlField(progressText(change.target), FIELD.progress)));
    case 'recovered': {
      // 否 → 是 but still at risk: said on this one line (the yellow sections leave red out), for opted-in chats
      const now = lights?.now.get(change.id);
      return targetLine(change.target, now?.light === 'yellow' ? W.stillYellow(firstReason(now.reasons)) : undefined);
    }
    default:
      return targetLine(change.target);
  }
};

interface Block {
  title: string;
  lines: string[];
}

/**
 * Packs sections of lines into messages: each part starts with the header
 * (and "（2/3）" when there are several), a section continued in the next part
 * repeats its title with "（续）".
 */
export const packParts = (header: string, blocks: readonly Block[], footer: string, limits: ComposeLimits): string[] => {
  const parts: string[][] = [];
  let current: string[] = [];
  let units = 0;
  let targets = 0;
  // room for "（12/12）" added to the header later
  const headerUnits = header.length + 10;
  const open = (): void => {
    current = [];
    units = headerUnits + footer.length + 4;
    targets = 0;
    parts.push(current);
  };
  open();
  for (const block of blocks) {
    let titled = false;
    block.lines.forEach((line, index) => {
      const titleCost = titled || !block.title ? 0 : block.title.length + 12;
      const cost = titleCost + line.length + 1;
      if (targets > 0 && (targets >= limits.targetsPerPart || units + cost > limits.maxMessageUnits)) {
        open();
        titled = false;
      }
      if (!titled && block.title) {
        const heading = `\n<b>${escapeHtml(block.title)}${index > 0 ? W.continued : ''}</b>`;
        current.push(heading);
        units += heading.length + 1;
      }
      titled = true;
      current.push(line);
      units += line.length + 1;
      targets += 1;
    });
  }
  const total = parts.length;
  return parts.map((lines, i) => {
    const head = total > 1 ? `${header}${W.partOf(i + 1, total)}` : header;
    return [head, ...lines, ...(i === total - 1 && footer ? ['', footer] : [])].join('\n');
  });
};

export interface ImportDigestInput {
  report: Report;
  previous?: Report;
  diff: ReportDiff;
  filters: readonly SubscriptionFilter[];
  matcher: FilterMatcher;
  limits: ComposeLimits;
  /** the import's light changes, given only for chats that opted in to yellow alerts (/yellow on) */
  lights?: LightDiff;
}

const lightLine = (change: LightChange): string => targetLine(change.target, W.lightNote(change.kind, firstReason(change.assessment.reasons)));

/**
 * The digest one subscriber gets for one import, as message parts; [] when nothing under its filters changed.
 * With `lights`, targets that turned yellow or left yellow get their own sections, and leave the
 * 新增目标/进展更新 sections (a light change is never red, so it can be in no other): each target once.
 */
export const composeImportDigest = ({ report, previous, diff, filters, matcher, limits, lights }: ImportDigestInput): string[] => {
  const lightChanges = lights ? lightChangesFor(lights, report, filters, matcher) : [];
  const inLightSections = new Set(lightChanges.map((c) => c.id));
  const changes = changesFor(diff, filters, matcher, report, previous).filter((c) => !inLightSections.has(c.id));
  if (changes.length === 0 && lightChanges.length === 0) return [];
  const blocks: Block[] = DIGEST_ORDER.map((section) => {
    if (section === 'became-yellow' || section === 'left-yellow') {
      const list = lightChanges.filter((c) => c.kind === section);
      return { title: W.section(W.sections[section], list.length), lines: list.map(lightLine) };
    }
    const list = changes.filter((c) => c.kind === section);
    return { title: W.section(W.sections[section], list.length), lines: list.map((c) => changeLine(c, lights)) };
  }).filter((b) => b.lines.length > 0);
  const since = previous ? W.since(escapeHtml(WORDS.periodLabel(previous.year, periodName(previous)))) : '';
  const header = `${W.importTitle}\n${reportLine(report)}${since}\n${filtersLine(filters, lights !== undefined)}`;
  return packParts(header, blocks, W.importFooter, limits);
};

export interface ScheduledDigestInput {
  report: Report;
  filters: readonly SubscriptionFilter[];
  matcher: FilterMatcher;
  limits: ComposeLimits;
  /** local date YYYY-MM-DD in BOT_TIMEZONE */
  today: string;
  remindDays: number;
  kind: 'daily' | 'weekly';
  /** the report's yellow targets under the chat's filters (yellowUnder), given only for chats that opted in */
  yellow?: readonly AssessedTarget[];
  /** units' replies (反馈) since the chat's last digest, oldest first; those about targets the digest lists are news in it */
  replies?: readonly DigestReply[];
}

/** A unit's reply as a digest shows it. */
export interface DigestReply {
  target: string;
  unit: string;
  person: string;
  text: string;
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Lagging targets whose dated deadline falls within `remindDays` from today (today included), soonest first. */
export const dueSoon = (targets: readonly Target[], today: string, remindDays: number): { target: Target; days: number }[] =>
  targets
    .flatMap((target) => (target.deadline.kind === 'date' ? [{ target, days: daysBetween(today, target.deadline.date) }] : []))
    .filter(({ days }) => days >= 0 && days <= remindDays)
    .sort((a, b) => a.days - b.days);

/**
 * The scheduled digest: the lagging targets under the chat's filters (every
 * lagging target when it has none), deadline reminders first.
 */
export const composeScheduledDigest = ({ report, filters, matcher, limits, today, remindDays, kind, yellow, replies }: ScheduledDigestInput): string[] => {
  const lagging = laggingUnder(report, filters.length > 0 ? filters : [{ kind: 'all' }], matcher);
  const soon = dueSoon(lagging, today, remindDays);
  const optedIn = yellow !== undefined;
  let header = `${W.scheduledTitle(kind, escapeHtml(today))}\n${reportLine(report)}${filters.length > 0 ? `\n${filtersLine(filters, optedIn)}` : ''}`;
  if (lagging.length === 0 && (yellow ?? []).length === 0) return [`${header}\n\n${W.nothingLagging(optedIn)}`];
  if (lagging.length === 0) header += `\n\n${W.nothingLagging(false)}`;
  const blocks: Block[] = [];
  if (soon.length > 0) {
    blocks.push({
      title: W.dueSoon(remindDays, soon.length),
      lines: soon.map(({ target, days }) => targetLine(target, W.daysLeft(days))),
    });
  }
  if (lagging.length > 0) blocks.push({ title: W.lagging(lagging.length), lines: lagging.map((t) => targetLine(t, W.progress(htmlField(laggingProgress(t), FIELD.progress)))) });
  if (yellow && yellow.length > 0) {
    blocks.push({ title: W.yellow(yellow.length), lines: yellow.map(({ target, assessment }) => targetLine(target, W.lightNote('yellow', firstReason(assessment.reasons)))) });
  }
  // Replies about the targets listed above: what the units said is the news of a digest.
  const listed = new Map([...lagging, ...(yellow ?? []).map((y) => y.target)].map((t) => [t.id, t]));
  const news = (replies ?? []).filter((r) => listed.has(r.target));
  if (news.length > 0) {
    blocks.push({
      title: W.replies(news.length),
      lines: news.map((r) => targetLine(listed.get(r.target)!, W.replyNote(htmlField(r.unit, FIELD.unit), htmlField(r.person, FIELD.unit), htmlField(r.text, FIELD.progress)))),
    });
  }
  return packParts(header, blocks, W.scheduledFooter, limits);
};

/** The reply to a new subscription: what is lagging under it right now. */
export const composeLaggingNow = (targets: readonly Target[], limits: ComposeLimits): string[] => {
  if (targets.length === 0) return [W.noneLaggingNow];
  return packParts(W.laggingNow(targets.length), [{ title: '', lines: targets.map((t) => targetLine(t)) }], '', limits);
};

/**
 * The minimal form of an alert Telegram refused with 400: the 序号 of its targets, each a
 * deep link to the bot's item view (t.me/<bot>?start=item_57), and nothing else from the
 * table. The ids are read back from the alert's own target lines (targetLine's `• <b>序号</b>`).
 */
export const minimalAlert = (html: string, botUsername?: string): string => {
  const ids = [...new Set([...html.matchAll(/^• <b>([^<]*)<\/b>/gm)].map((m) => htmlToPlain(m[1]!)))];
  if (ids.length === 0) return `${W.minimalTitle}\n${W.minimalNoItems}`;
  const link = (id: string): string => (botUsername !== undefined && /^[A-Za-z0-9-]{1,40}$/.test(id) ? `<a href="https://t.me/${escapeHtml(botUsername)}?start=item_${id}">${id}</a>` : escapeHtml(id));
  return `${W.minimalTitle}\n${W.minimalItems(ids.map(link))}`;
};

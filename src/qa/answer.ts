import type { TableExamples } from './examples';
/**
 * What the question-answering engine gives back: data, never formatted text.
 * Views (plain text for `npm run ask` and the console, HTML for Telegram) turn
 * an Answer into a message; the bot and the CLI share them, so both carry the
 * same content.
 */
import type { StatusKind, Target, UnitRole } from '../model';
import type { TargetHistory } from '../progress/history';
import type { Assessment, Light } from '../progress/light';

export type AnswerKind = 'item' | 'list' | 'search' | 'stats' | 'help' | 'none';

export type Status = 'lagging' | 'onSchedule';

/** A question understood as filters plus search words. Canonical names come from the loaded data. */
export interface Query {
  kind: 'item' | 'list' | 'search' | 'stats' | 'help' | 'none';
  /** 序号 asked for (第57项, 57号, #57, /item 57) */
  item?: string;
  /** several 序号 asked for (第41、57、63项, 41 57 63), ascending: a list in 序号 order */
  items?: string[];
  /** a span of 序号 (第60至65项, 60-65号, 六十到六十五项), both ends included */
  range?: { from: number; to: number };
  /** the first or last few of the list in 序号 order (前五条目标, 最后三条), after every other filter */
  edge?: { head: number } | { tail: number };
  /** canonical unit names as written in the table (市工业和信息化局); several when the mention is ambiguous */
  units?: string[];
  /** units of one kind named as a group (县区政府, 各街道): the table's units of that kind, asked as one more unit */
  group?: UnitGroup;
  /** how many units a target has (由三个单位共同承担 → 3, 单独负责的 → at most 1, 跟其他单位一起的 → at least 2) */
  unitCount?: Many;
  /** how many leaders a target has (涉及两位及以上市领导 → at least 2) */
  leaderCount?: Many;
  /** 牵头 or 配合: only the targets the units lead, or only those they support */
  role?: UnitRole;
  /** canonical leader name (王昌华) */
  leader?: string;
  /** several units or leaders named: 'all' for targets they share (共同负责), 'any' for each one's (各自的); a union unless said */
  join?: 'all' | 'any';
  /** names read differently from how they were written (我们局 → 市科技局), shown as 按“市科技局”理解 */
  readAs?: ReadAs[];
  /** what a correction set aside (不是聂元科，是王昌华 → 聂元科), shown so a misheard correction is visible */
  dropped?: string[];
  /** several leaders named together (聂元科和张鹏): their targets, a union; `leader` is then unset */
  leaders?: string[];
  /** units and leaders joined by 和/跟/、 (工信局和王昌华): the union of their targets instead of the targets they share */
  anyOf?: boolean;
  /** how many was asked (工信局有几项目标): the list comes with a count line */
  count?: boolean;
  /** statistics ranked by unit or leader (哪个单位滞后最多, 按领导统计, 各单位进度排名) */
  rank?: Ranking;
  /** any filters set aside (王昌华以外的, 除了工信局, 不是年底到期的): their targets are left out; see filter-kinds.ts */
  except?: QueryFilters;
  /**
   * 除了王昌华和聂元科，还有别的领导分管的: the leaders or units set aside are only not counted, so a target stays
   * when another leader (unit) is on it, instead of every target of theirs going
   */
  besides?: boolean;
  /** a negation (不, 除了) the parser could not tie to any filter: the reply says it was not applied */
  unplacedNegation?: string;
  /** section rows the targets sit under (一、民生实事 → 民生实事), as the table writes them */
  sections?: string[];
  /** 我们局 or 我们领导 said with no introduction: which one is asked back, not guessed */
  askWhich?: { written: string; kind: 'unit' | 'leader' };
  /** a city, year or quarter the loaded reports do not cover (济宁市, 2021年, 第一季度) */
  outside?: string;
  status?: Status;
  /** one verdict asked for (已完成的 → 'done', 未开工的 → 'not-started'); on a 是/否 table the engine reads it as a status */
  stage?: StatusKind;
  /** one traffic light asked for (黄灯 → 'yellow', 红灯 → 'red', 绿灯 → 'green') */
  light?: Light;
  /** 有风险的项目: red or yellow (see RISK_LIGHTS) */
  risk?: boolean;
  /**
   * 变化 asked for: 'all' compares every stored report (57号的变化), 'sinceLast' the
   * last two (上季度以来的变化)
   */
  history?: 'all' | 'sinceLast';
  /**
   * a resolved deadline: a date (YYYY-MM-DD), any date in a later year (2023年到期, 明年的), or 'ongoing' for 长期坚持;
   * `also` holds more deadlines said with it (8月底和9月底到期的): a target due at any of them is kept
   */
  deadline?: Deadline & { also?: Deadline[] };
  /** normalised search words left after filters and filler words are removed */
  terms?: string[];
  /** the same search words as the question wrote them together (5g基站), for display */
  phrase?: string;
  /** the mention that could not be resolved, for the 'nothing found' reply */
  unresolved?: string;
}

/** One deadline asked for: a date (a span up to it when `by` is set), a later year, or 长期坚持. */
export type Deadline = { date: string; label: string; by?: DeadlineSpan; whole?: true } | { year: number; label: string } | { ongoing: true; label: string };

/** A date read as a span: every date up to it (三季度以内), or only earlier ones (年底之前提前到期的). */
export type DeadlineSpan = 'onOrBefore' | 'before';

/** The filter fields of a query alone (src/qa/filter-kinds.ts names them by kind). */
export type QueryFilters = Partial<
  Pick<
    Query,
    'items' | 'range' | 'edge' | 'units' | 'group' | 'unitCount' | 'leaderCount' | 'role' | 'leader' | 'leaders' | 'sections' | 'status' | 'stage' | 'light' | 'risk' | 'deadline' | 'terms' | 'phrase'
  >
>;

/** A number of units or leaders: at least `min`, at most `max` when it is set. */
export interface Many {
  min: number;
  max?: number;
}

/** Units of one kind a question names together (县区政府), and this table's units of that kind. */
export interface UnitGroup {
  /** the kind: county and district governments, or towns and street offices (the reply words it) */
  kind: 'counties' | 'towns' | 'enterprises';
  units: string[];
}

/** Which groups a ranking compares, and by what. */
export interface Ranking {
  /** the groups compared: units, leaders, or the table's deadlines (按月份分一下类, in time order whatever the order) */
  by: 'unit' | 'leader' | 'deadline';
  /** lagging: most lagging first; rate: best 按计划率 first; total: most targets first */
  order: 'lagging' | 'rate' | 'total';
}

/** A name as written and the name it was read as. */
export interface ReadAs {
  written: string;
  as: string;
}

export interface Hit {
  target: Target;
  /** the target's traffic light with its reasons and measure, from the engine's assessment of the report */
  assessment?: Assessment;
  /** 0 = perfect; only for search answers */
  score?: number;
  /** the words that matched, for display */
  matched?: string[];
}

export interface GroupStats {
  name: string;
  total: number;
  lagging: number;
  /** targets with a yellow light */
  yellow: number;
}

export interface Stats {
  total: number;
  assignments: number;
  lagging: number;
  onScheduleRate: number;
  /** targets per traffic light */
  lights: Record<Light, number>;
  /** targets per verdict, when the table has verdicts (已完成, 超进度 …) */
  stages?: Record<StatusKind, number>;
  byUnit: GroupStats[];
  byLeader: GroupStats[];
  /** per 完成时限 as the table writes it, earliest first: only for a comparison by deadline */
  byDeadline?: GroupStats[];
  /** what the figures cover, for the reply's header (菏泽市 2022 第三季度, 截至 2022-09-30) */
  scope?: { city: string; year: number; period: string; asOf: string };
}

/** A report compared in a history answer. */
export interface Period {
  year: number;
  period: string;
  asOf: string;
}

/** For a 变化 question: the reports compared and one history per hit, in the hits' order. */
export interface HistoryAnswer {
  /** the reports compared, oldest first; one means there is nothing to compare yet */
  periods: Period[];
  /** one per hit, same order */
  targets: TargetHistory[];
  /** targets looked at, changed or not (a list shows only the changed ones) */
  considered: number;
}

export interface Answer {
  kind: AnswerKind;
  /** the question as asked */
  question: string;
  query: Query;
  /** every matching target, in display order (lists ascending by 序号, search best first) */
  hits: Hit[];
  /** for kind 'stats' */
  stats?: Stats;
  /** for a 变化 question (kind 'item' or 'list') */
  history?: HistoryAnswer;
  /** for an ambiguous unit or leader mention: the candidates to pick from */
  candidates?: string[];
  /** what the candidates are, so the bot can offer each as a button */
  candidatesOf?: 'unit' | 'leader';
  /** for an unknown 序号: the first and last 序号 of the report, so the reply can say what exists */
  idRange?: { first: string; last: string };
  /** 序号 asked for (a list or a range) that the report does not have, e.g. ['100'] or ['87–90'] */
  missingItems?: string[];
  /** for a question outside the report (another city or year): what the report covers */
  scope?: { city: string; year: number; period: string };
  /**
   * a follow-up read with the conversation: `basis` is what the reply is about
   * (the last question with this message's parts in it, or the list pointed
   * into), `pointer` where the message pointed (第三个), for the 接上一问 line
   */
  followUp?: { basis: Query; pointer?: string };
  /** the message only said who is asking (我是市科技局的): acknowledged before that unit's or leader's figures */
  introduced?: { kind: 'unit' | 'leader'; name: string };
  /** names and numbers of the loaded table, for the help, "nothing found" and statistics replies (src/qa/examples.ts) */
  examples?: TableExamples;
}

/** The 序号 of every hit, in display order: what `npm run ask -- --json` prints as ids. */
export const idsOf = (answer: Answer): string[] => answer.hits.map((h) => h.target.id);

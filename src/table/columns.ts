import { COLUMNS, type ColumnKey } from '../model';
import { toHalfWidth } from '../text/normalize';

/**
 * The header names offices use for each column, besides the canonical one in
 * COLUMNS. Listed here so the README can show them and an admin can see why a
 * header was (not) recognised. Names are compared after `cleanHeader`: no
 * spaces, half-width, no brackets or stars, so 责任单位（牵头） is 责任单位牵头.
 *
 * Names not listed still match when they follow the common patterns (see
 * HEADER_PATTERNS): …领导 is a leader, …单位/…部门 a unit, 配合…/协办… a
 * cooperating unit, 是否… a 是/否 status, …状态/…评价 a verdict (when its cells hold
 * status words: 序时进度 holding 75% does not count), …时限/…时间
 * a deadline, …情况/…进展 the progress text, …任务/…目标 the target.
 */
export const HEADER_NAMES: Readonly<Record<ColumnKey, readonly string[]>> = Object.freeze({
  id: ['序号', '编号', '序', '号', '目标序号', '任务序号', '项目序号', 'no', '序列'],
  leader: [
    '市政府领导',
    '县政府领导',
    '区政府领导',
    '政府领导',
    '责任领导',
    '分管领导',
    '市领导',
    '分管市领导',
    '牵头市领导',
    '牵头县领导',
    '牵头区领导',
    '牵头领导',
    '分管县领导',
    '分管区领导',
    '责任市领导',
    '责任县领导',
    '包保领导',
    '联系领导',
    '督办领导',
    '市级领导',
    '县级领导',
    '责任人',
    '负责人',
    '分管副市长',
    '分管副县长',
  ],
  text: [
    '责任目标内容',
    '目标内容',
    '责任目标',
    '工作目标',
    '工作任务',
    '重点任务',
    '主要任务',
    '任务内容',
    '目标任务',
    '具体目标',
    '具体任务',
    '重点工作',
    '工作内容',
    '任务名称',
    '目标名称',
    '项目名称',
    '事项名称',
    '重点事项',
    '工作事项',
    '任务事项',
    '目标任务内容',
    '重点工作任务',
    '主要目标任务',
    '年度目标',
    '指标名称',
  ],
  deadline: ['完成时限', '完成时间', '时限', '时间节点', '时限要求', '完成时间节点', '完成期限', '办结时限', '计划完成时间', '截止时间', '时间要求', '完成时限要求'],
  progress: [
    '完成情况',
    '进展情况',
    '推进情况',
    '工作进展',
    '进度情况',
    '工作推进情况',
    '工作完成情况',
    '目标完成情况',
    '落实情况',
    '进展',
    '工作进度',
    '完成进度',
    '推进落实情况',
    '工作开展情况',
    '进展及成效',
    '目前进展',
  ],
  onSchedule: ['是否按计划完成进度', '是否按计划完成', '是否按进度完成', '是否按计划推进', '是否达到序时进度', '是否按序时推进', '是否按时序推进', '是否达到时序进度', '是否按期推进'],
  verdict: ['进度评价', '推进状态', '完成状态', '进度状态', '状态', '评价', '进度评估', '综合评价', '序时进度', '进度类别', '进度研判', '督查评价', '推进评价', '评定等次'],
  units: ['责任单位', '牵头单位', '责任部门', '牵头部门', '主责单位', '牵头责任单位', '责任主体', '承办单位', '主办单位', '实施单位', '市直责任部门', '责任单位牵头'],
  cooperating: ['配合单位', '协办单位', '配合部门', '协助单位', '参与单位', '协同单位', '配合责任单位', '责任单位配合', '协办部门'],
});

/**
 * Patterns tried in this order when a header is not in HEADER_NAMES. The order
 * settles overlaps: 是否… before anything (是否达到序时进度 also says 进度);
 * 配合 before 单位; 领导 before 牵头 (牵头县领导 is a leader); 状态/评价 before
 * 进度 (进度评价 is a verdict); 情况/进展 before 目标 (目标完成情况 is progress).
 */
const HEADER_PATTERNS: readonly [ColumnKey, RegExp][] = Object.freeze([
  ['onSchedule', /^是否/],
  ['cooperating', /配合|协办|协助|协同|协作|参与|会同/],
  ['leader', /领导|市长|县长|区长|书记|责任人|负责人/],
  ['units', /单位|部门|主体|牵头|责任方|科室|处室/],
  ['id', /^(?:序号|编号)/],
  ['verdict', /状态|评价|评定|评估|研判|等次|结论|序时/],
  ['deadline', /时限|时间|期限|节点|截止|日期/],
  ['progress', /情况|进展|进度|成效|落实/],
  ['text', /任务|目标|内容|事项|项目|工作|指标|名称/],
]);

/** A header cell as compared: half-width, lower case, no spaces, stars, brackets or trailing colon. */
export const cleanHeader = (cell: string): string =>
  toHalfWidth(cell)
    .toLowerCase()
    .replace(/[\s*＊※()[\]【】〔〕<>《》「」:.。]/g, '');

const KEYS = Object.keys(COLUMNS) as ColumnKey[];
const BY_NAME = new Map<string, ColumnKey>(KEYS.flatMap((k) => [COLUMNS[k], ...HEADER_NAMES[k]].map((n) => [cleanHeader(n), k] as const)));

/** Header cells longer than this are a title or a data cell, not a column name. */
const MAX_HEADER_LENGTH = 16;

/**
 * The column a header cell names, or undefined.
 *
 * @example columnOf('责任单位（配合）') → 'cooperating'; columnOf('牵头县领导') → 'leader'
 */
export const columnOf = (cell: string): ColumnKey | undefined => {
  const name = cleanHeader(cell);
  if (!name || name.length > MAX_HEADER_LENGTH) return undefined;
  return BY_NAME.get(name) ?? HEADER_PATTERNS.find(([, re]) => re.test(name))?.[0];
};

/**
 * A column as an admin may name it on the right of `--column 表头=列`: the
 * canonical name (责任目标内容), any listed name (工作任务), or the key (text).
 */
export const columnKeyOf = (name: string): ColumnKey | undefined => {
  const trimmed = name.trim();
  if ((KEYS as string[]).includes(trimmed)) return trimmed as ColumnKey;
  return BY_NAME.get(cleanHeader(trimmed));
};

/** The columns a table cannot do without; the status may come from either onSchedule or verdict. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = Object.freeze(['text', 'units', 'onSchedule'] as ColumnKey[]);

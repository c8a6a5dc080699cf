import type { TableErrorCode, TableErrorDetails } from '../table/errors';

/** The words of an import's summary, read by an admin in the terminal or in the chat (plain text). */
export const IMPORT_WORDS = Object.freeze({
  /** 菏泽市 2022年第三季度（截至 2022-09-30） */
  reportName: (name: string, year: number, period: string, asOf: string) => `${name} ${year}年${period}（截至 ${asOf}）`,
  /** the 序号 a count stands for, the first few */
  ids: (shown: string[], more: boolean) => (shown.length === 0 ? '' : `（${shown.join('、')}${more ? ' …' : ''}）`),
  counts: (targets: number, assignments: number, lagging: number, ids: string) => `目标 ${targets} 项，分工 ${assignments} 条，滞后 ${lagging} 项${ids}`,
  comparedWith: (period: string) => `与上一期（${period}）相比：`,
  change: Object.freeze({
    'became-lagging': '新增滞后',
    recovered: '恢复正常',
    new: '新增目标',
    removed: '移除目标',
    'progress-changed': '进展更新',
  }),
  changeLine: (what: string, n: number, ids: string) => `· ${what} ${n} 项${ids}`,
  duplicate: '这份表格与当前数据完全相同，未重复导入。',
  dryRun: '（试运行：已校验，未保存）',
  stored: '已保存为当前数据。',
  /** `npm run import` while the bot runs on the same data: the bot imports it */
  handedToBot: (pid: number) => `机器人正在运行（进程 ${pid}），表格已交给它导入……`,
  /** the one prefix of every refused table, wherever it is read */
  failed: (why: string) => `导入失败：${why}`,
});

/** `npm run import`'s own words: command-line mistakes and what went wrong around the table. */
const IMPORT_USAGE = '用法：npm run import -- 文件 [--dry-run] [--year 2022] [--period 第三季度] [--as-of 2022-09-30] [--city 菏泽市] [--column 表头=责任目标内容 …]';

export const IMPORT_CLI_WORDS = Object.freeze({
  usage: IMPORT_USAGE,
  needsValue: (option: string) => `${option} 后面要写一个值。\n${IMPORT_USAGE}`,
  unknownOption: (option: string) => `没有 ${option} 这个选项。\n${IMPORT_USAGE}`,
  oneFile: (first: string, second: string) => `一次只能导入一个文件，这里有 ${first} 和 ${second}。\n${IMPORT_USAGE}`,
  badYear: `--year 后面要写年份，如 2022。\n${IMPORT_USAGE}`,
  badColumn: (text: string) => `--column 要写成 表头=列名，如 任务名称=责任目标内容，这里是“${text}”。`,
  noFile: (file: string) => `找不到文件 ${file}。`,
  unreadable: (file: string) => `无法读取文件 ${file}，请检查权限。`,
  botSilent: (seconds: number, id: string, dir: string) => `正在运行的机器人 ${seconds} 秒内没有回复。请求 ${id} 留在 ${dir} 中，机器人读到时会导入；请查看机器人的日志。`,
  unexpected: '程序出错，表格没有导入，现有数据未改动。详情见上面的错误信息或机器人的日志。',
});

/** Where the person told about a refused table is, and so what they can do next. */
export type ImportPlace = 'chat' | 'dashboard' | 'terminal';

/** A refused table as a person is told about it: the table's own code and details, never a library's message. */
export interface TableProblem {
  code: TableErrorCode;
  details: TableErrorDetails;
}

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const listed = (names: readonly string[]): string => names.map((n) => `“${n}”`).join('');

/** 表格 q4.tsv（工作表“三季度”）第 7 行“是否按计划完成进度”列 */
const whereIn = ({ file, sheet, row, column }: TableErrorDetails): string =>
  `表格 ${file}${sheet === undefined ? '' : `（工作表“${sheet}”）`}${row === undefined ? '' : ` 第 ${row} 行`}${column === undefined ? '' : `“${column}”列`}`;

/** How the person sends the table again, from where they are. */
const AGAIN: Readonly<Record<ImportPlace, string>> = Object.freeze({
  chat: '改好后重新发送给我',
  dashboard: '改好后重新上传',
  terminal: '改好后重新运行 npm run import',
});

/** What is wrong with the table, by code: the problem, then what to change. */
const PROBLEMS: { [C in TableErrorCode]: (d: TableErrorDetails, place: ImportPlace) => string } = {
  empty: () => '文件是空的。请检查是否选错了文件',
  'no-text': () => '表格里没有任何文字。请检查是否选错了文件或工作表',
  'too-large': (d) =>
    d.measure === 'unpacked-bytes'
      ? `这个 .xlsx 解压后有 ${mb(d.actual ?? 0)}，超过上限 ${mb(d.limit ?? 0)}。请另存为 CSV`
      : d.measure === 'columns'
        ? `这一行有 ${d.actual} 列，超过上限 ${d.limit} 列。请删去多余的列，或另存为 CSV`
        : d.measure === 'cells'
          ? `工作簿超过 ${d.limit} 个单元格。这么大的表格请另存为 CSV（CSV 最多 100000 行）`
          : `文件有 ${mb(d.actual ?? 0)}，超过上限 ${mb(d.limit ?? 0)}。请删去不需要的工作表和行，或另存为 CSV`,
  'too-many-rows': (d) => `数据${d.actual === undefined ? '' : `有 ${d.actual} 行，`}超过上限 ${d.limit} 行。请分成几份表格`,
  'old-xls': () => '这是旧版的 .xls 工作簿。请在 Excel 或 WPS 中另存为 .xlsx 或 CSV',
  binary: () => '这不是表格文件。请发送 .tsv、.csv 或 .xlsx 格式的进度表',
  unreadable: () => '无法按表格读取，可能是引号不成对。请在 Excel 或 WPS 中打开后另存为 .xlsx 或 CSV',
  encoding: (d) => (d.bom === undefined ? '文字既不是 UTF-8 也不是 GBK 编码。请另存为 UTF-8 编码的 CSV' : `文件开头标明是 ${d.bom} 编码，内容却不是。请另存为 UTF-8 编码的 CSV`),
  xlsx: () => '这个 .xlsx 文件已损坏，无法读取。请在 Excel 或 WPS 中打开确认后另存一份',
  'no-sheet': () => '工作簿里没有工作表',
  'no-header': (d) => `前 ${d.limit} 行里找不到表头。表头应写明各列的名称，如${listed(d.expected ?? [])}`,
  'missing-column': (d, place) => {
    const missing = d.missing ?? (d.column === undefined ? [] : [d.column]);
    const found = d.found && d.found.length > 0 ? `（表头有${listed(d.found)}）` : '';
    const fix =
      place === 'terminal' && d.suggestion !== undefined ? `。如果“${d.suggestion}”就是“${missing[0]}”，请加上 --column ${d.suggestion}=${missing[0]} 重新运行` : `。请把对应的表头改为“${missing[0]}”`;
    return `表头里没有${listed(missing)}列${found}${fix}`;
  },
  'unknown-column': (d, place) => `“${d.value}”不是可以指定的列名（可用：${(d.columns ?? []).join('、')}）。` + (place === 'terminal' ? '请改正 --column 的写法' : '请重新选择'),
  'bad-status': (d) => (d.expects === 'yes-no' ? `“${d.value}”不是“是”或“否”。请改为“是”或“否”` : `“${d.value}”不是认得的进度说法。请改为 已完成、超进度、达进度、欠进度、未开工 之一（或 是、否）`),
  'bad-id': (d) => (d.value === '' ? `目标“${d.target}”没有序号。请补上序号` : `序号“${d.value}”不是编号。请写成数字，如 57`),
  'duplicate-id': (d) => `序号 ${d.value} 在第 ${d.firstRow} 行已用于另一项目标。请改用不同的序号`,
  'orphan-continuation': (d) => (d.value ? `目标内容是空的，上面也没有序号为 ${d.value} 的目标。请补上目标内容` : '序号和目标内容都是空的，上面也没有目标。请补上序号和目标内容'),
  'no-targets': () => '找到了表头，但下面没有目标行',
  'no-year': (_d, place) =>
    place === 'terminal' ? '标题和文件名里都看不出是哪一年的表格。请在标题中写明年份（如“2022年”），或加上 --year 2022' : '标题和文件名里都看不出是哪一年的表格。请在标题中写明年份（如“2022年”）',
};

/** Whether the problem's own words already say what to do next (so no "send it again" follows). */
const saysNextStep = ({ code, details }: TableProblem, place: ImportPlace): boolean =>
  code === 'unknown-column' || (code === 'missing-column' && place === 'terminal' && details.suggestion !== undefined);

/**
 * Why a table was refused, for the person who sent it, where they are: the place in the table, the
 * problem, and the next step they can take there (the terminal's options only in the terminal).
 * 导入失败：表格 q4.tsv 第 7 行“是否按计划完成进度”列：“待定”不是“是”或“否”。请改为“是”或“否”，改好后重新发送给我。
 */
export const tableRejection = (problem: TableProblem, place: ImportPlace): string => {
  const what = PROBLEMS[problem.code](problem.details, place);
  return IMPORT_WORDS.failed(`${whereIn(problem.details)}：${what}${saysNextStep(problem, place) ? '' : `，${AGAIN[place]}`}。`);
};

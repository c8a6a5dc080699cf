import type { ParsePass } from './state';

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 五十七 → 57, 十二 → 12, 一百 → 100; digits pass through. */
export const toNumber = (text: string): number | undefined => {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in CN_DIGITS) current = CN_DIGITS[ch] as number;
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return undefined;
  }
  return total + current;
};

export const NUM = '(\\d+|[零〇一二两三四五六七八九十百]+)';
/** Ways to quote a 序号: 第57项, 57号, 序号48, #62, /item 57, item57, 编号 57, a bare 57. */
const ITEM_PATTERNS: RegExp[] = [
  new RegExp(`^\\/?item\\s*(\\d+)$`),
  new RegExp(`(?:序号|编号|no\\.?|#)\\s*(?:为|是|:)?\\s*(\\d+)`),
  new RegExp(`^\\s*(\\d{1,6})\\s*(?:项|条)\\s*$`),
  new RegExp(`第\\s*${NUM}\\s*(?:项|条|号|个|行)`),
  new RegExp(`第\\s*(\\d+)\\s*(?:$|的|目标|任务)`),
  new RegExp(`(?:^|[^\\d.年月])(\\d{1,6})\\s*号(?!楼)`),
  new RegExp(`^\\s*(\\d{1,6})\\s*$`),
];

const findItem = (text: string): string | undefined => {
  for (const re of ITEM_PATTERNS) {
    const m = re.exec(text);
    if (m?.[1]) {
      const n = toNumber(m[1]);
      if (n !== undefined) return String(n);
    }
  }
  return undefined;
};

/**
 * A 序号: 第57项, 57号, #62. After the history words (57号的变化 keeps its
 * 变化) and before everything else, because a number names one target whatever
 * else the question says.
 */
export const createNumbersPass = (): ParsePass => ({
  name: 'numbers',
  run(s) {
    const item = findItem(s.text);
    if (item === undefined) return;
    s.query = { kind: 'item', item, ...(s.query.history ? { history: s.query.history } : {}) };
    s.done = true;
  },
});

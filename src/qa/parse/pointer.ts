import { toNumber } from './numbers';
import { cut, type ParsePass, type Pick } from './state';

/*
 * Where a message points into the list the conversation showed last (see Pointer in state.ts):
 * the n-th (第三个), from the end (倒数第一个, 最后一个), the first or last few (前两个, 后三条),
 * a 序号 on it (65那条), or all of it (这些, 这几项).
 */
const NUM = '(\\d{1,4}|[一二两三四五六七八九十]{1,3})';
/** what joins the numbers of a list of 序号 (第47条跟第48条, 第三、第五条) */
const JOIN = '、|,|，|和|跟|与|及|以及|还有|或';
const CLASSIFIER = '(?:个|条|项|项目|个目标|条目标)';
/** in order of precedence: 倒数第一个 before 第一个, 最后一个 before 后N个 */
const PATTERNS: { re: RegExp; pick(n: number, m: RegExpExecArray, raw: string): Pick | undefined }[] = [
  { re: new RegExp(`倒数第?\\s*${NUM}\\s*${CLASSIFIER}?`, 'u'), pick: (n) => ({ fromEnd: n }) },
  { re: new RegExp(`(?:最后|最末|末尾)(?:的|那|这)?\\s*${NUM}\\s*${CLASSIFIER}`, 'u'), pick: (n) => (n === 1 ? { fromEnd: 1 } : { tail: n }) },
  { re: /(?:最后|最末|末尾)(?:的|那|这)?(?:一|1)?\s*(?:个|条|项)/u, pick: () => ({ fromEnd: 1 }) },
  { re: new RegExp(`(?:最前面|第一)?(?:前|头)\\s*${NUM}\\s*${CLASSIFIER}`, 'u'), pick: (n) => ({ head: n }) },
  { re: new RegExp(`(?<![以之最])后\\s*${NUM}\\s*${CLASSIFIER}`, 'u'), pick: (n) => ({ tail: n }) },
  // 第N项 and N号 stay 序号 (the numbers pass); 第N个 and 第N条 count along the list
  // …but not an end of a span (第30条到第35条) nor one of a list (第47条跟第48条): the numbers pass reads it whole
  {
    re: new RegExp(`(?<!(?:到|至|-|~|—|–|${JOIN})\\s*)第\\s*${NUM}\\s*(?:个|条)(?!\\s*(?:到|至|-|~|—|–|一直到)|\\s*(?:${JOIN})\\s*第)`, 'u'),
    pick: (n) => ({ nth: n }),
  },
  // a number inside a token (pm2.5) or before a measure (增长15%那项) is not a 序号
  {
    re: /(?<![a-z\d.])(\d{1,6})\s*号?\s*(?:那|这)\s*(?:个|条|项)/u,
    pick: (_, m, raw) => (new RegExp(`(?<![a-z\\d.])${m[1]}(?![\\d.]*[a-z%‰])`, 'u').test(raw) ? { id: String(Number(m[1])) } : undefined),
  },
  { re: /这些|这几(?:个|条|项)|上面(?:这些|那些|几个|几条|几项|的)|上述|以上(?:这些|几项|几个)|它们|这(?:个|条|项)(?!季度|月|年|工作)|那(?:几)?(?:条|项)/u, pick: () => ({ all: true }) },
];

/** Words that point back without saying where (其中, 里面, 上面的): the follow-up's cues, never a topic */
const BACK = /其中|里面|里头|里边|当中|之中|这里面|这些里|上面的?|上述|刚才|刚刚|那边/gu;

/**
 * Before the numbers: 第三个 would otherwise be 序号 3. A pointer into a list
 * the conversation does not have falls back to what it says on its own (第三个
 * is 序号 3, as before; 65那条 is 序号 65), set here so a message without a
 * conversation reads as it always did.
 */
export const createPointerPass = (): ParsePass => ({
  name: 'pointer',
  run(s) {
    s.text = s.text.replace(BACK, ' ');
    for (const { re, pick } of PATTERNS) {
      const m = re.exec(s.text);
      if (!m) continue;
      const n = m[1] !== undefined ? toNumber(m[1]) : 1;
      if (n === undefined || n < 1) continue;
      const p = pick(n, m, s.raw);
      if (!p) continue;
      s.pointer = { written: m[0].replace(/\s+/g, ''), pick: p };
      s.text = cut(s.text, m[0]);
      // with no list to point into, 前五条 and 最后三条 are the table's (or what the question's filters keep)
      const edge = 'head' in p ? { head: p.head } : 'tail' in p ? { tail: p.tail } : 'fromEnd' in p && p.fromEnd === 1 ? { tail: 1 } : undefined;
      if (edge) s.query.edge = edge;
      const alone = 'nth' in p ? String(p.nth) : 'id' in p ? p.id : undefined;
      if (alone !== undefined) {
        s.query = { kind: 'item', item: alone, ...(s.query.history ? { history: s.query.history } : {}) };
        s.done = true;
      }
      return;
    }
  },
});

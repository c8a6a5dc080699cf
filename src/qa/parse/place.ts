import { chinaDivisions, type Division } from '../divisions';
import { toNumber } from './numbers';
import { cut, fillerWords, longestFirst, type ParseContext, type ParsePass } from './state';

const JOINERS = '和跟与及或同';
/** a unit-like name ahead, even one this table lacks (济宁市教育局) */
const UNIT_AHEAD = /^[\p{Script=Han}]{1,8}?(局|委|厅|办)/u;

/** words of place and reference that are no other city: 那边的科技局, 刚才的卫健委, 咱们的… */
const NOT_A_PLACE = /^(?:那边|这边|那里|这里|那儿|这儿|刚才|上面|下面|前面|后面|其他|其它|别的|另外|我们|你们|他们|咱们|大家|各个|每个|所有|全部|这个|那个|本地|当地|省里|市里|区里|县里|全省|全国)$/u;

/**
 * What follows a place named as the subject of a question (巨野县有哪些目标, 聊城的目标, 济宁市政府今年…): its
 * government, a particle, the question's verbs, or nothing. Anything else makes the name part of a longer word
 * (朝阳产业, 三明治), which is no place.
 */
const PLACE_AS_SUBJECT = /^(?:$|\s|的|那边|这边|那里|这里|那块|方面|人民政府|政府|有|还有|承担|负责|涉及|分管|牵头|配合|参与|目标|任务|责任|滞后|完成|今年|是|呢|吗|啊|呀|这|那)/u;
/** the government written after a place (巨野县政府, 济宁市人民政府): part of the mention */
const GOVERNMENT_AFTER = /^(?:人民政府|政府)/u;

const RELATIVE_YEARS: [string, number][] = [
  ['前年', -2],
  ['去年', -1],
  ['明年', 1],
];
/** another quarter (一季度, 第2季度); 这一季度 / 本季度 is the report's own, whatever its number */
const QUARTER = /(?<![这本该当])(?:第)?([一二三四1-4])季度/g;
const QUARTER_NAMES = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

/**
 * Another city, year or quarter than the loaded reports cover: 济宁市科技局,
 * 北京市卫健委 (a city right before a unit), 2021年的滞后项目, 第一季度. The
 * answer then says what the table covers instead of answering for this
 * city's unit of the same name. After deadlines, so 2023年6月底 is a date.
 */
export const createPlacePass = (ctx: ParseContext): ParsePass => {
  const city = ctx.normalize(ctx.city ?? '').replace(/\s+/g, '');
  const cityCore = city.replace(/市$/, '');
  const covered = ctx.covered ?? [];
  const fillers = fillerWords(ctx);
  const places = longestFirst(ctx.normalize, ctx.aliases.places).filter((p) => p !== cityCore && !city.startsWith(p));
  const divisions = chinaDivisions();
  // the table's own place when it is a real one (菏泽市): it and the places around it (山东) are no other place
  const own: Division[] = city ? divisions.lookup(city).filter((d) => d.name === city) : [];
  const scanPlaces = divisions.scanner(own.filter((d) => d.level !== 'county'));
  /** a place that names one of this table's units (东明 → 东明县人民政府): left to the units pass */
  const namesUnit = (form: string): boolean => ['exact', 'alias', 'inOrder', 'succession'].includes(ctx.units.resolveHow(form).how);
  const years = new Set(covered.map((c) => c.year));
  const periods = new Set(covered.map((c) => ctx.normalize(c.period)));
  return {
    name: 'place',
    run(s) {
      // a city (two characters and 市) or a province (省) right before a unit name: 济宁市科技局, 山东省卫健委;
      // 全市, 本市, 我市 and 城市 are no place
      const unitSpans = ctx.units.scan(s.text);
      const unitEnds = new Set(unitSpans.map((u) => u.end));
      // 市 that begins a unit's name (合到市场监管局), not as its level (济宁市科技局), is that name's, not the end of a city's
      const unitStarts = new Set(unitSpans.map((u) => u.start));
      const leaderSpans = ctx.leaders.scan(s.text);
      for (const m of s.text.matchAll(/[市省]/g)) {
        const p = m.index ?? 0;
        const name = s.text.slice(Math.max(0, p - 2), p);
        const whole = `${name}${s.text[p] as string}`;
        if (!/^[\p{Script=Han}]{2}$/u.test(name) || /[市省]/.test(name) || /[全本我各该此城]$/.test(name)) continue;
        // not a place: words around a name (看看市科技局, 请问一下市…), a joiner (卫健委跟市场监管局), the end of a unit
        if (fillers.multi.some((f) => name.endsWith(f)) || [...name].some((ch) => fillers.single.has(ch) || JOINERS.includes(ch)) || unitEnds.has(p)) continue;
        if (name === cityCore || whole === city || city.endsWith(whole)) continue;
        const after = s.text.slice(p + 1);
        // 市长, 省长 are titles (王副市长分管的科技局), not a place before a unit
        if (after.startsWith('长')) continue;
        const unitAfter = ctx.units.scan(after).some((u) => u.start === 0);
        if (!unitAfter && (!UNIT_AHEAD.test(after) || unitStarts.has(p))) continue;
        s.query.outside ??= whole;
        s.text = cut(s.text, whole);
      }
      // a known place without 市 (济南卫健委), unless it begins a unit of this table (山东高速集团)
      for (const place of places) {
        const at = s.text.indexOf(place);
        if (at < 0 || unitSpans.some((u) => u.start <= at && at < u.end)) continue;
        const after = s.text.slice(at + place.length);
        if (ctx.units.scan(after).some((u) => u.start === 0) || UNIT_AHEAD.test(after)) {
          s.query.outside ??= place;
          s.text = cut(s.text, place);
        }
      }
      // a place the list lacks, written with 的 before a unit (临汾的科技局): two characters that are no word we know
      for (const u of unitSpans) {
        if (s.query.outside || s.text[u.start - 1] !== '的') continue;
        const name = s.text.slice(Math.max(0, u.start - 3), u.start - 1);
        const at = u.start - 3;
        if (!/^[\p{Script=Han}]{2}$/u.test(name) || name === cityCore || NOT_A_PLACE.test(name)) continue;
        if (fillers.multi.some((f) => s.text.slice(0, u.start - 1).endsWith(f)) || [...name].some((ch) => fillers.single.has(ch) || JOINERS.includes(ch))) continue;
        if (unitSpans.some((o) => o.start < at + 2 && at < o.end) || leaderSpans.some((l) => l.start < at + 2 && at < l.end)) continue;
        if (ctx.leaders.names.some((l) => l.includes(name)) || ctx.units.names.some((n) => n.includes(name))) continue;
        s.query.outside = name;
        s.text = `${s.text.slice(0, at)} ${s.text.slice(u.start)}`;
      }
      // any other real place as the subject (巨野县有哪些目标, 聊城的目标滞后情况, 济宁市政府的招商引资): a county of this
      // city that the table does not name is a unit it lacks; a place elsewhere is another table's
      if (!s.query.outside) {
        const spans = [...ctx.units.scan(s.text), ...ctx.leaders.scan(s.text)];
        for (const m of [...scanPlaces(s.text)].reverse()) {
          const rest = s.text.slice(m.end);
          if (!PLACE_AS_SUBJECT.test(rest) || spans.some((u) => u.start < m.end && m.start < u.end)) continue;
          if (m.divisions.some((d) => own.some((o) => divisions.within(o, d)) || namesUnit(d.name) || namesUnit(d.short))) continue;
          // a place the table's own targets speak of (济南都市圈) is a topic
          if (ctx.targetTexts?.().some((t) => t.includes(m.written))) continue;
          const inside = m.divisions.find((d) => own.some((o) => o.level !== 'county' && divisions.within(d, o)));
          const end = m.end + (GOVERNMENT_AFTER.exec(rest)?.[0].length ?? 0);
          if (inside) s.query.unresolved ??= inside.name;
          else s.query.outside ??= m.written;
          s.text = `${s.text.slice(0, m.start)} ${s.text.slice(end)}`;
        }
      }
      for (const m of s.text.matchAll(/(\d{4})\s*年(?:度)?/g)) {
        const year = Number(m[1]);
        if (years.size > 0 && !years.has(year)) {
          s.query.outside ??= `${year}年`;
          s.text = cut(s.text, m[0]);
        }
      }
      // 去年, 前年, 明年 (明年3月 is already a deadline): a year relative to the report's
      for (const [word, delta] of RELATIVE_YEARS) {
        if (!s.text.includes(word)) continue;
        const year = ctx.year + delta;
        if (years.size > 0 && !years.has(year)) s.query.outside ??= `${year}年`;
        s.text = cut(s.text, word);
      }
      for (const m of s.text.matchAll(QUARTER)) {
        const name = QUARTER_NAMES[toNumber(m[1] as string) ?? Number(m[1])] ?? '';
        if (periods.size > 0 && name && !periods.has(name)) {
          s.query.outside ??= name;
          s.text = cut(s.text, m[0]);
        }
      }
    },
  };
};

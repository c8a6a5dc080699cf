import type { Many } from '../answer';
import { toNumber } from './numbers';
import { cutFilter } from './negation';
import type { ParsePass, ParseState } from './state';

/** A number of units (三个责任单位, 两家以上单位, 多个部门) or of leaders (两位及以上市政府领导, 两个副市长, 好几个领导). */
const HOW_MANY =
  /(好几|多|[一二两三四五六七八九十]|\d{1,2})\s*(?:个|家|位|名)?\s*(及以上|以上|或以上|或更多|以及以上)?\s*(?:的)?\s*(?:(?:责任|牵头|配合|承办)?(单位|部门)|((?:市政府|市|县政府|县|区政府|区|分管)?领导|(?:常务)?副?(?:市|县|区)长|负责人))/u;
/** A target no other unit shares: 单独负责的, 只有团市委一家负责的, 独立承担的. */
const ALONE = /(?:单独|独自|独立|独家|一家)(?=负责|承担|牵头|完成|承办|办|干|做|搞|抓|的|\s|$)/u;
/** Others said with a named unit or leader (跟其他单位一起, 和别的领导共同, 跟别人一起): whom it shares targets with. */
const OTHERS = /(?:跟|和|与|同)?(?:(?:其他|其它|别的|另外的?)(?:的)?(?:责任)?(?:单位|部门|领导|市领导|副市长|人)|别人|他人)/u;
/** Words that include rather than restrict (连同跟别人一起负责的那个, 包括和别的单位一起的): the list stays whole. */
const INCLUDING = /(?:连同|包括|包含|含|加上|还有)\s*$/u;

/** A number pointing back at names just said (这两家单位, 上面三位领导): it counts them, it does not ask how many share. */
const BACK = /(?:这|那|上面|以上|前面|刚才)(?:的)?\s*$/u;

/** Takes the words at [from, to) as a count of this kind: set aside when the words around say so (跟其他单位一起负责的就不要了). */
const take = (s: ParseState, kind: 'unitCount' | 'leaderCount', many: Many, from: number, to: number): void => {
  if (!cutFilter(s, from, to, { [kind]: many })) s.query[kind] ??= many;
};

/**
 * How many units or leaders share a target: 由三个单位共同承担的, 涉及两位及以上市领导的, 只有团市委一家
 * 负责的, 卫健委跟其他单位一起负责的. After the names, the together words and the role (which set
 * `join` and leave the named units), before the fillers, which would cut 单位 and 其他.
 */
export const createSharesPass = (): ParsePass => ({
  name: 'shares',
  run(s) {
    const count = HOW_MANY.exec(s.text);
    if (count) {
      const [, n = '', more, units] = count;
      const value = n === '好几' || n === '多' ? 2 : (toNumber(n) ?? 0);
      if (value > 0 && BACK.test(s.text.slice(0, count.index))) {
        // 科技局和商务局这两家单位: the names said again as a number, not how many share a target (see also the joins pass)
        s.text = `${s.text.slice(0, count.index)} ${s.text.slice(count.index + count[0].length)}`;
      } else if (value > 0) {
        const many: Many = more || n === '好几' || n === '多' ? { min: value } : { min: value, max: value };
        take(s, units ? 'unitCount' : 'leaderCount', many, count.index, count.index + count[0].length);
      }
    }
    const alone = ALONE.exec(s.text);
    if (alone) take(s, 'unitCount', { min: 1, max: 1 }, alone.index, alone.index + alone[0].length);
    // one unit, or one leader, together with others: the targets it shares with at least one more
    const others = OTHERS.exec(s.text);
    if (!others || INCLUDING.test(s.text.slice(0, others.index)) || s.query.group) return;
    const kind = s.units.size === 1 && s.leaders.size === 0 ? 'unitCount' : s.leaders.size === 1 && s.units.size === 0 ? 'leaderCount' : undefined;
    if (!kind || s.query[kind] || s.query.except?.[kind]) return;
    take(s, kind, { min: 2 }, others.index, others.index + others[0].length);
    delete s.query.join;
  },
});

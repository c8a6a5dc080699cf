import type { UnitRole } from '../../model';
import type { NameMatch } from '../names';
import { REFUSAL, SET_ASIDE_AFTER } from './negation';
import { roleNamed } from './role';
import type { ParseContext, ParsePass } from './state';

/**
 * Words before a name that set it aside: 除了王昌华, 不是工信局的, 非团市委, 不需要各乡镇配合的, 除了跟工信局有关的, 不归王昌华分管的,
 * and any verb that takes things out of a list (刨掉工信局的, 去掉商务局).
 */
const BEFORE = new RegExp(`(?:除了|除去|除开|除|不算|不含|不包括|排除|不是|不归|不属于|不需要|不需|无需|不用|非|${REFUSAL})(?:跟|和|与|同)?$`, 'u');
/** The names said counted again before the words that set them aside (工信局和卫健委这两家负责的以外). */
const COUNTED_BACK = '(?:(?:这|那)(?:两|几|三|四|五)?(?:家|个|位)(?:单位|部门|领导)?)';
/** What joins names under one negation: 除了工信局和卫健委, 工信局、卫健委以外. */
const JOINED = /^\s*(?:和|跟|与|及|以及|还有|或|或者|、)?\s*$/u;

/**
 * Words after a name that set it aside, as after any filter (王昌华以外的, 工信局之外, 鲁西新区那几项先不要, 鲁西新区的都剔掉),
 * the name's own part between (住建局牵头的以外: its lead part only); or a name not taking part (住建局没参与的).
 */
const AFTER = new RegExp(
  `^(?:${COUNTED_BACK}?(分管|负责|牵头|配合|参与|有关|相关)?(?:的)?(?:目标|任务|项目)?(?:外|${SET_ASIDE_AFTER})|(?:没有|没|未|不)(?:参与|参加|配合|牵头|负责|分管)(?:的)?)`,
  'u',
);
/** Another one of the kind set aside, asked for after it: 还有别的领导, 其他单位, 另外的部门. */
const OTHER_OF_KIND = /(?:别的|其他|其它|另外的|另外|其余的|其余)(?:的)?(?:市|县|区)?(领导|单位|部门)/u;

/**
 * The part a set-aside name plays, said after it (不需要各乡镇配合的, 不是住建局牵头的): cut with it, and a unit's role
 * set aside with the unit, so a target it only helps with stays.
 */
const PART_AFTER = /^(?:参与|参加|配合|协办|牵头|主责|主办|负责|分管)(?:的)?/u;

/**
 * A leader or unit set aside (王昌华以外的, 除了工信局): every other target,
 * not that name's. Before the leaders and units passes, which would otherwise
 * read the name as the one asked about; the words and the name are cut.
 */
export const createExceptPass = (ctx: ParseContext): ParsePass => ({
  name: 'except',
  run(s) {
    const found: { kind: 'units' | 'leaders'; match: NameMatch; from: number; to: number; role?: UnitRole }[] = [];
    let scoped = false;
    for (const [kind, resolver] of [
      ['leaders', ctx.leaders],
      ['units', ctx.units],
    ] as const) {
      const matches = resolver.scan(s.text).filter((m) => m.names.length > 0);
      // names joined by 和 or 、 share the negation said before the first or after the last of them
      const joinedToNext = matches.map((m, i) => {
        const next = matches[i + 1];
        return next !== undefined && JOINED.test(s.text.slice(m.end, next.start));
      });
      const negatedAt = (i: number): boolean => {
        const m = matches[i] as NameMatch;
        return BEFORE.test(s.text.slice(0, m.start).trimEnd()) || AFTER.test(s.text.slice(m.end));
      };
      const sharesNegation = (i: number): boolean => {
        for (let j = i - 1; j >= 0 && joinedToNext[j]; j -= 1) if (negatedAt(j)) return true;
        for (let j = i; joinedToNext[j]; j += 1) if (negatedAt(j + 1)) return true;
        return false;
      };
      for (const [i, m] of matches.entries()) {
        const before = BEFORE.exec(s.text.slice(0, m.start).trimEnd());
        const after = AFTER.exec(s.text.slice(m.end));
        if (!before && !after) {
          if (sharesNegation(i)) {
            found.push({ kind, match: m, from: m.start, to: m.end });
            continue;
          }
          scoped = true;
          continue;
        }
        const from = before ? s.text.slice(0, m.start).trimEnd().length - before[0].length : m.start;
        const part = !after ? PART_AFTER.exec(s.text.slice(m.end)) : undefined;
        const said = part?.[0] ?? after?.[1];
        const role = kind === 'units' && said ? roleNamed(said) : undefined;
        found.push({ kind, match: m, from, to: m.end + (after?.[0].length ?? part?.[0].length ?? 0), ...(role ? { role } : {}) });
      }
    }
    if (found.length === 0) return;
    const except = (s.query.except ??= {});
    for (const f of found) {
      except[f.kind] = [...new Set([...(except[f.kind] ?? []), ...f.match.names])];
      if (f.role) except.role ??= f.role;
    }
    // cut from the end so earlier offsets stay valid
    for (const f of found.sort((a, b) => b.from - a.from)) s.text = `${s.text.slice(0, f.from)} ${s.text.slice(f.to)}`;
    // 除了王昌华和聂元科，还有别的领导分管的: the names are not counted, a target with another one of that kind stays.
    // Inside a named scope (王昌华分管的，除了工信局那些，其他单位的任务) 其他 is the rest of that scope: only set aside.
    const other = OTHER_OF_KIND.exec(s.text);
    if (other && found.some((f) => f.kind === (other[1] === '领导' ? 'leaders' : 'units'))) {
      if (!scoped) s.query.besides = true;
      s.text = `${s.text.slice(0, other.index)} ${s.text.slice(other.index + other[0].length)}`;
    }
  },
});

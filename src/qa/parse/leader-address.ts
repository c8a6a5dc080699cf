import { setAside, setAsideSpan } from './negation';
import { longestFirst, type ParseContext, type ParsePass } from './state';

/** Two-character surnames: the rest of the name is the given name. */
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '夏侯', '尉迟', '公孙', '长孙', '宇文', '司徒', '申屠', '端木', '澹台', '呼延'];

/** Common one-character surnames: one right before a title names a person (刘副市长), not a word (分管副市长). */
const COMMON_SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文聂';

/** Titles that are also everyday words: a surname's character before them is no stranger's name by itself. */
const GENERIC_TITLES = new Set(['领导', '同志']);

/**
 * A leader by title: surname plus title (聂市长, 张副市长) or given name plus
 * title (昌华市长). Only titles of a city leader count: 局长 and 主任 head a
 * unit, so 王局长 is not 王昌华. A surname two leaders share is not guessed:
 * the question is asked back with both names.
 */
export const createLeaderAddressPass = (ctx: ParseContext): ParsePass => {
  const norm = (w: string): string => ctx.normalize(w).replace(/\s+/g, '');
  // the table's own titles too (县委常委): 县长 alone names whoever the table calls 县长
  const holders = new Map<string, string[]>();
  for (const [name, own] of ctx.leaderTitles ?? []) {
    // 常务副区长 is spoken as 常务 (孙常务, 常务分管的)
    for (const t of own.flatMap((t) => (/^常务副.长$/u.test(norm(t)) ? [t, '常务'] : [t]))) holders.set(norm(t), [...new Set([...(holders.get(norm(t)) ?? []), name])]);
  }
  const titles = longestFirst(ctx.normalize, [...ctx.aliases.leaderTitles, ...holders.keys()]).filter((t) => !/局长|主任/.test(t));
  const people = ctx.leaders.names.map((name) => {
    const norm = ctx.normalize(name).replace(/\s+/g, '');
    const surname = COMPOUND_SURNAMES.find((c) => norm.startsWith(c) && norm.length > c.length) ?? norm.slice(0, 1);
    return { name, surname, given: norm.slice(surname.length) };
  });
  const byGiven = people.filter((p) => p.given.length > 0).sort((a, b) => b.given.length - a.given.length);
  const fullNames = people.map((p) => ctx.normalize(p.name).replace(/\s+/g, ''));
  /** the question writes the title right after a leader's name (王建军区长): that person's title, not a second leader */
  const afterName = (compact: string, title: string): boolean => fullNames.some((n) => compact.includes(n + title));
  /** a leader's surname and one or two more characters right before the title (李晓眉副区长, a slip of 李晓梅): one person, written loosely */
  const afterLooseName = (before: string): boolean =>
    people.some((p) => before.length > p.surname.length && before.slice(-p.surname.length - 2, -1).includes(p.surname) && /\p{Script=Han}$/u.test(before));
  return {
    name: 'leader address',
    run(s) {
      for (const title of titles) {
        let at = s.text.indexOf(title);
        while (at >= 0) {
          const before = s.text.slice(0, at);
          const given = byGiven.find((p) => before.endsWith(p.given));
          const surname = given ? undefined : people.filter((p) => before.endsWith(p.surname));
          const found = given ? [given] : (surname ?? []);
          const start = at - (given ? given.given.length : (found[0]?.surname.length ?? 0));
          const last = before.trimEnd().slice(-1);
          // a title right after a name (赵明副县长) is that person's, not everyone's who holds it: cut, so
          // 副区长 inside 刘晓东常务副区长 names nobody; after another title (区长和常务副区长) it is one more leader
          if (found.length === 0 && holders.has(title) && (afterName(s.compact, title) || afterLooseName(before) || afterLooseName(s.compact.slice(0, Math.max(0, s.compact.indexOf(title)))))) {
            s.text = `${s.text.slice(0, at)} ${s.text.slice(at + title.length)}`;
            at = s.text.indexOf(title, at + 1);
            continue;
          }
          if (found.length === 0 && holders.has(title) && !(last && COMMON_SURNAMES.includes(last))) {
            // 县长牵头的, 常务副县长分管的: the leaders the table gives that title
            for (const name of holders.get(title) ?? []) {
              s.leaders.add(name);
              s.readAs.push({ written: title, as: name });
            }
            s.mentions.push({ written: title, kind: 'leader' });
            s.text = `${s.text.slice(0, at)} ${s.text.slice(at + title.length)}`;
            at = s.text.indexOf(title, at + 1);
            continue;
          }
          if (found.length === 0) {
            // 刘副市长 with no 刘 among the leaders: a leader the table does not have, so nothing is found,
            // rather than the rest of the question answered without them
            const stranger = /([\p{Script=Han}])$/u.exec(before)?.[1];
            // not before 领导, 同志: words of their own, which a word ending in a surname's character often precedes (下周领导)
            if (stranger && COMMON_SURNAMES.includes(stranger) && s.leaders.size === 0 && !GENERIC_TITLES.has(title)) {
              s.query.unresolved ??= `${stranger}${title}`;
            }
            at = s.text.indexOf(title, at + title.length);
            continue;
          }
          const written = s.text.slice(start, at + title.length);
          // 不是孙县长分管的, 除了王市长以外: that leader set aside, as a full name is by the except pass
          const aside = found.length === 1 ? setAsideSpan(s.text, start, at + title.length) : undefined;
          if (aside) {
            setAside(s, { leaders: [(found[0] as { name: string }).name] });
            s.readAs.push({ written, as: (found[0] as { name: string }).name });
            s.text = `${s.text.slice(0, aside.from)} ${s.text.slice(aside.to)}`;
            at = s.text.indexOf(title, aside.from + 1);
            continue;
          }
          if (found.length === 1) {
            const name = (found[0] as { name: string }).name;
            s.leaders.add(name);
            s.mentions.push({ written, kind: 'leader' });
            s.readAs.push({ written, as: name });
          } else s.ambiguousLeaders = found.map((p) => p.name);
          s.text = `${s.text.slice(0, start)} ${s.text.slice(at + title.length)}`;
          at = s.text.indexOf(title, start + 1);
        }
      }
    },
  };
};

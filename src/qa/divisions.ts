import { areaList } from '@vant/area-data';

/**
 * China's administrative divisions (provinces, prefecture-level cities, counties and districts), from the
 * maintained npm package @vant/area-data (GB/T 2260 codes), so any real place a question names is known
 * without a hand-kept list. A question about a place the loaded table does not cover answers none and says
 * so, instead of searching the place's name in progress texts that merely mention it.
 */
export type DivisionLevel = 'province' | 'city' | 'county';

export interface Division {
  /** the official name: 山东省, 菏泽市, 巨野县, 广西壮族自治区 */
  name: string;
  /** what people say without the kind of division: 山东, 菏泽, 巨野, 广西; the name itself when that would leave one character */
  short: string;
  level: DivisionLevel;
  /** the GB/T 2260 code: its first two digits are the province, its first four the city */
  code: string;
}

/** A division named in a text. */
export interface DivisionMention {
  start: number;
  end: number;
  written: string;
  /** every division of that name (朝阳区 is in Beijing and in Changchun) */
  divisions: Division[];
}

export interface Divisions {
  /** the divisions of an official name or short form (菏泽市, 菏泽) */
  lookup(name: string): Division[];
  /** whether `inner` lies within `outer` or is it */
  within(inner: Division, outer: Division): boolean;
  /**
   * A reader of the names of divisions in a text, longest first and without overlaps. Counties only by their
   * official names of three characters or more (巨野县, 朝阳区), as 和县 or 城区 are also everyday words; the
   * counties of `near` (the table's own city) by any name (单县, 巨野).
   */
  scanner(near?: readonly Division[]): (text: string) => DivisionMention[];
}

/** 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施, 长阳土家族自治县 → 长阳 */
const AUTONOMOUS = /^(\p{Script=Han}{2,}?)(?:\p{Script=Han}{1,4}?族)*自治[区州县旗]$/u;
/** the kind of division at the end of its name */
const KIND = /(?:特别行政区|省|市|地区|盟|县|区|旗|林区)$/u;

const shortOf = (name: string): string => {
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous) return autonomous[1] as string;
  const short = name.replace(KIND, '');
  return short.length >= 2 ? short : name;
};

/** Codes ending 70–79 and 90 are development zones and the like (菏泽经济技术开发区), no divisions of the state. */
const isZone = (code: string): boolean => /(?:7\d|90)$/.test(code);
/** a division's own name, by its ending: not a grouping of the list (县, 省直辖县, 自治区直辖县级行政区划) nor a town */
const OWN_NAME = /^(?!省直辖|自治区直辖)\p{Script=Han}{1,}(?:特别行政区|省|自治区|市|地区|盟|自治州|县|区|旗)$/u;

const build = (): Division[] => {
  const out: Division[] = [];
  const add = (list: Record<string, string>, level: DivisionLevel): void => {
    for (const [code, name] of Object.entries(list)) if (!(level === 'county' && isZone(code)) && OWN_NAME.test(name) && name.length >= 2) out.push({ name, short: shortOf(name), level, code });
  };
  add(areaList.province_list, 'province');
  add(areaList.city_list, 'city');
  add(areaList.county_list, 'county');
  return out;
};

let shared: Divisions | undefined;

/** The divisions, built once per process (3,900 names). */
export const chinaDivisions = (): Divisions => {
  if (shared) return shared;
  const all = build();
  const byForm = new Map<string, Division[]>();
  const put = (form: string, d: Division): void => {
    const list = byForm.get(form) ?? byForm.set(form, []).get(form)!;
    if (!list.some((x) => x.code === d.code)) list.push(d);
  };
  for (const d of all) {
    put(d.name, d);
    put(d.short, d);
  }
  /** forms scanned for everywhere: every official name of provinces and cities, their short forms, and counties' official names of three characters or more */
  const scanned = new Set<string>();
  for (const d of all) {
    if (d.level !== 'county') {
      scanned.add(d.name);
      scanned.add(d.short);
    } else if (d.name.length >= 3) scanned.add(d.name);
  }
  const within = (inner: Division, outer: Division): boolean => {
    const prefix = outer.level === 'province' ? outer.code.slice(0, 2) : outer.level === 'city' ? outer.code.slice(0, 4) : outer.code;
    return inner.code.startsWith(prefix);
  };
  // 北京市 is a province and its own city: the province's code
  const lookup = (name: string): Division[] => byForm.get(name) ?? [];
  /** forms by first character, longest first, so a question is read in one pass over its characters */
  const byFirst = new Map<string, string[]>();
  const index = (forms: Iterable<string>): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const f of forms) {
      const list = map.get(f[0] as string) ?? map.set(f[0] as string, []).get(f[0] as string)!;
      list.push(f);
    }
    for (const list of map.values()) list.sort((a, b) => b.length - a.length);
    return map;
  };
  for (const [k, v] of index(scanned)) byFirst.set(k, v);
  const scanner = (near: readonly Division[] = []): ((text: string) => DivisionMention[]) => {
    const own = new Set<string>();
    for (const d of all) if (d.level === 'county' && near.some((n) => n.level !== 'county' && within(d, n))) own.add(d.name).add(d.short);
    const ownFirst = index(own);
    return (text) => {
      const found: DivisionMention[] = [];
      for (let at = 0; at < text.length; ) {
        const ch = text[at] as string;
        const forms = [...(byFirst.get(ch) ?? []), ...(ownFirst.get(ch) ?? [])].sort((a, b) => b.length - a.length);
        const form = forms.find((f) => text.startsWith(f, at));
        if (!form) {
          at += 1;
          continue;
        }
        found.push({ start: at, end: at + form.length, written: form, divisions: lookup(form) });
        at += form.length;
      }
      return found;
    };
  };
  shared = { lookup, within, scanner };
  return shared;
};

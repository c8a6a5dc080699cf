import Fuse from 'fuse.js';
import { pinyin } from 'pinyin-pro';
import type { Normalize } from '../text/normalize';
import { QA_DEFAULTS, type QaConfig } from './config';
import { isHan } from './grams';

/** Where a name was found in a question, and what it resolved to. */
export interface NameMatch {
  start: number;
  end: number;
  /** the words as they appear in the (normalised) question */
  mention: string;
  /** canonical names as written in the table; several when the mention is ambiguous, none for a known alias of a unit the table lacks */
  names: string[];
  /** an old name (国土局) read through the reform's successions: the successor it stands for (自然资源和规划局) */
  successor?: string;
  /** found by sound only (聂元可 for 聂元科, 团市为 for 团市委): the reply says how it was read */
  bySound?: true;
}

export interface NameResolver {
  /** every canonical name, as written in the table */
  names: readonly string[];
  /** known spellings (full names, short forms, aliases) found in a normalised text, longest first, without overlaps */
  scan(text: string): NameMatch[];
  /**
   * Resolves one normalised mention: known spelling → in-order characters
   * (工信局 inside 市工业和信息化局, or 市科技局 inside 市科学技术局) → fuzzy.
   * Returns [] when nothing fits; several names when the mention is ambiguous.
   */
  resolve(mention: string): string[];
  /** as `resolve`, and how the names were found: 'sound' and 'fuzzy' read the mention as another name, which a reply should say */
  resolveHow(mention: string): { names: string[]; how: MatchHow; successor?: string };
}

/**
 * Toneless syllables of a text, remembered until `forget`. The name resolvers look for same-sound slips in
 * each piece a parse pass scans, so one question asked pinyin-pro 7–41 times for 1–8 distinct runs (about
 * 1 ms of a dictated question); the parser forgets them when the next question starts.
 */
export interface SyllableMemo {
  of(text: string): readonly string[];
  forget(): void;
}

export const createSyllableMemo = (): SyllableMemo => {
  const memo = new Map<string, readonly string[]>();
  return {
    of: (text) => {
      let syllables = memo.get(text);
      if (!syllables) {
        // a caller that never forgets (a resolver used outside the parser) keeps it bounded
        if (memo.size >= 512) memo.clear();
        syllables = pinyin(text, { toneType: 'none', type: 'array' });
        memo.set(text, syllables);
      }
      return syllables;
    },
    forget: () => memo.clear(),
  };
};

/** How a mention was matched, from the most literal to the loosest. */
export type MatchHow = 'exact' | 'alias' | 'succession' | 'inOrder' | 'sound' | 'fuzzy' | 'none';

interface Entry {
  name: string;
  norm: string;
  /** the name without the city prefix 市 and the suffix 人民政府: 科技局, 单县 */
  core: string;
  /** the core without a generic kind of body (管委会, 控股, 集团): 鲁西新区, 城投 */
  distinct: string;
}

/**
 * Kinds of zone a body may govern, as the state names them: a longer one ending like a shorter one (高新区,
 * 新区) is another kind, so a mention of the shorter kind does not find it.
 */
const ZONES = ['高新区', '新区', '开发区', '经开区', '经济开发区', '度假区', '保税区', '综保区', '自贸区', '示范区', '试验区', '园区', '产业园区', '工业园区'];

/** Kinds of body that end many unit names and say nothing about which one is meant. */
const GENERIC_TAILS = ['管理委员会', '管委会', '有限公司', '有限责任公司', '控股', '集团', '公司'];

const distinctOf = (core: string): string => {
  const tail = GENERIC_TAILS.find((t) => core.endsWith(t) && core.length >= t.length + 2);
  return tail ? core.slice(0, -tail.length) : core;
};

const isSubsequence = (needle: string, hay: string): number => {
  // returns the span length of the leftmost-tightest in-order match, or -1
  let best = -1;
  for (let s = hay.indexOf(needle[0] ?? ''); s >= 0; s = hay.indexOf(needle[0] ?? '', s + 1)) {
    let i = 1;
    let j = s + 1;
    while (i < needle.length && j < hay.length) {
      if (hay[j] === needle[i]) i += 1;
      j += 1;
    }
    if (i < needle.length) break;
    const span = j - s;
    if (best < 0 || span < best) best = span;
  }
  return best;
};

/** how many characters of `a` occur somewhere in `b` */
const sharedChars = (a: string, b: string): number => {
  let n = 0;
  for (const ch of a) if (b.includes(ch)) n += 1;
  return n;
};

/** A level before a unit's name (市科技局, 县教育局, 区住建局, 县委组织部): people leave it out. */
const LEVEL = /^(?:[市县区旗]委(?=\p{Script=Han}{2})|[县区旗州](?=\p{Script=Han}{2})|市(?!场)(?=\p{Script=Han}{2}))/u;

/**
 * What people call a unit: without a note in brackets (各乡镇人民政府（街道办事处）), 人民政府,
 * the place the table is about (沂州海关, 汶源县…) or the level (市, 县, 区).
 */
const coreOf = (norm: string, places: readonly string[] = []): string => {
  let core = norm.replace(/[（(][^（()）]*[)）]$/u, '');
  if (core.endsWith('人民政府') && core.length > 5) core = core.slice(0, -4);
  const place = places.find((p) => core.startsWith(p) && core.length >= p.length + 2);
  if (place) core = core.slice(place.length);
  else if (core.length > 2) core = core.replace(LEVEL, '');
  return core;
};

/**
 * Builds a resolver for one kind of name (units or leaders) from the names in
 * the loaded table. `aliases` maps a mention to names or parts of names as the
 * table writes them (工信局 → 工业和信息化局); an alias is resolved like any
 * mention, so aliases of units the table does not have resolve to nothing.
 */
export const createNameResolver = (deps: {
  names: Iterable<string>;
  normalize: Normalize;
  aliases?: Record<string, string[]>;
  config?: QaConfig;
  /** shortest mention matched by sound: 3 for units (a two-character sound is too often a topic word), 2 for a leader's whole name (张朋) */
  soundMinLength?: number;
  /** match one wrong character by shape (科技居 → 科技局); off for people: 王昌明 is someone else, while 王常华 sounds like 王昌华 */
  fuzzy?: boolean;
  /** the table's own place (沂州, 汶源县): left out when people name its units (沂州海关 → 海关) */
  places?: readonly string[];
  /** old names of renamed offices and their successors (data/successions.json) */
  successions?: readonly { now: readonly string[]; was: readonly string[] }[];
  /** the usual departments of a government (data/departments.json): one whose core no name holds is absent, never another name's slip */
  departments?: readonly { names: readonly string[]; core: readonly string[] }[];
  /** the syllables of the question's pieces, shared with the other resolver and forgotten per question */
  syllables?: SyllableMemo;
}): NameResolver => {
  const places = [...new Set((deps.places ?? []).map((p) => deps.normalize(p).replace(/\s+/g, '')).filter((p) => p.length >= 2))].sort((a, b) => b.length - a.length);
  const config = deps.config ?? QA_DEFAULTS;
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const name of deps.names) {
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const norm = deps.normalize(name).replace(/\s+/g, '');
    const core = coreOf(norm, places);
    entries.push({ name, norm, core, distinct: distinctOf(core) });
  }

  // Known spellings → names. Only forms that cannot be mistaken for topic words: the full
  // name, the name without 市 (科技局) and a county without 人民政府 (单县, 郓城县).
  const spellings = new Map<string, Set<string>>();
  /** a government's place with its level (曹县, 单县): two characters, yet no topic word, so found inside a sentence too */
  const placeForms = new Set<string>();
  const addSpelling = (form: string, name: string): void => {
    if (form.length < 2) return;
    let set = spellings.get(form);
    if (!set) spellings.set(form, (set = new Set()));
    set.add(name);
  };
  for (const e of entries) {
    addSpelling(e.norm, e.name);
    // the forms people use: 科技局 for 市科技局, 教育局 for 县教育局, 海关 for 沂州海关, 单县 for 单县人民政府,
    // 各乡镇 for 各乡镇人民政府（街道办事处）, 城关街道 for 城关街道办事处
    const bare = e.norm.replace(/[（(][^（()）]*[)）]$/u, '');
    if (bare !== e.norm) addSpelling(bare, e.name);
    if (e.core !== e.norm && (e.core.length >= 3 || bare.endsWith('人民政府') || e.core.length < e.norm.length - 1)) addSpelling(e.core, e.name);
    if (bare.endsWith('人民政府')) {
      addSpelling(bare.slice(0, -4), e.name);
      if (/[县区市旗镇乡]$/u.test(bare.slice(0, -4))) placeForms.add(bare.slice(0, -4));
      addSpelling(`${bare.slice(0, -4)}政府`, e.name);
    }
    if (/街道办事处$/.test(e.core)) {
      addSpelling(e.core.slice(0, -3), e.name);
      addSpelling(e.core.slice(0, -2), e.name);
    }
  }

  const lastChar = (s: string): string => s.slice(-1);

  /** in-order characters, either way round; lower rank is better, -1 = no match */
  const inOrderRank = (m: string, e: Entry): number => {
    if (m.length < 2) return -1;
    if (e.norm.includes(m)) {
      // contiguous: a prefix of the core (城投, 郓城, 鲁西新区) or a whole-word tail (监管局)
      // a two-character tail (政府, 集团) is shared by many names and says too little
      if (e.core.startsWith(m) || (m.length >= 3 && (e.norm.endsWith(m) || lastChar(m) === lastChar(e.norm)))) return 0;
      // the distinctive end of a name without its kind of body: 新区 of 鲁西新区管委会, 医药港 of 市现代医药港;
      // not the end of a longer kind of zone (新区 is no 高新区: 沂州高新区管委会 is not a 新区's)
      if (e.distinct !== e.core && e.distinct.endsWith(m) && !ZONES.some((z) => z.length > m.length && z.endsWith(m) && e.distinct.endsWith(z))) return 0;
      return -1;
    }
    const span = isSubsequence(m, e.norm);
    // 工信局 ⊂ 市工业和信息化局: the mention must end like the name (局, 委, 府…) to be a name at all
    // rank by characters skipped, so 县政府 ties across every county instead of favouring long names
    if (span > 0 && lastChar(m) === lastChar(e.norm)) return 1 + (span - m.length) / 100;
    // 市科技局 ⊂ 市科学技术局, 卫生健康委 ⊂ 卫生健康委员会: the official full name around the table's short one
    if (e.core.length >= 3 && m.length <= e.core.length * 2 + 2) {
      const back = isSubsequence(e.core, m);
      const first = e.core[0] ?? '';
      if (back > 0 && (m.startsWith(first) || m.startsWith(`市${first}`))) {
        return 2 + (m.length - e.core.length) / m.length;
      }
    }
    return -1;
  };

  /** a known spelling, else the names the mention is in order inside (ranks below `below` only) */
  const resolveDirect = (m: string, below = Infinity): string[] => {
    const known = spellings.get(m);
    if (known) return [...known];
    let best = Infinity;
    let found: string[] = [];
    for (const e of entries) {
      const rank = inOrderRank(m, e);
      if (rank < 0 || rank >= below) continue;
      if (rank < best - 1e-9) {
        best = rank;
        found = [e.name];
      } else if (Math.abs(rank - best) <= 1e-9) found.push(e.name);
    }
    return found;
  };

  const aliasNames = new Map<string, string[]>();
  for (const [alias, targets] of Object.entries(deps.aliases ?? {})) {
    const key = deps.normalize(alias).replace(/\s+/g, '');
    const names = new Set<string>();
    for (const t of targets) for (const n of resolveDirect(deps.normalize(t).replace(/\s+/g, ''))) names.add(n);
    aliasNames.set(key, [...names]);
  }
  // an old name → the first successor this table has; [] when it has none (the reply says so, naming the successor)
  const successionOf = new Map<string, { names: string[]; successor: string }>();
  for (const { now, was } of deps.successions ?? []) {
    const found = now.map((form) => ({ form, names: resolveDirect(deps.normalize(form).replace(/\s+/g, '')) })).find((x) => x.names.length > 0);
    for (const old of was) {
      const key = deps.normalize(old).replace(/\s+/g, '');
      if (spellings.has(key) || successionOf.has(key)) continue;
      successionOf.set(key, { names: found?.names ?? [], successor: found?.form ?? (now[0] as string) });
    }
  }

  // departments the table lacks under any name (审计局, 司法局, 水务局 where only 税务局 is): their names, with or
  // without a level, name that absent unit, so no sound or shape reads them as another unit of the table
  const absent = new Set<string>();
  for (const d of deps.departments ?? []) {
    const core = d.core.map((c) => deps.normalize(c).replace(/\s+/g, ''));
    if (entries.some((e) => core.some((c) => e.norm.includes(c)))) continue;
    for (const name of d.names) {
      const key = deps.normalize(name).replace(/\s+/g, '');
      if (!spellings.has(key) && !aliasNames.get(key)?.length && !successionOf.get(key)?.names.length) absent.add(key);
    }
  }
  const isAbsent = (m: string): boolean => absent.has(m) || absent.has(m.replace(LEVEL, ''));

  // fuzzy candidates: every known spelling and every alias that names something in this table,
  // so 卫建委 (one wrong character) finds 卫健委 as well as 科技居 finds 科技局
  const forms: { form: string; names: string[] }[] = [
    ...[...spellings.entries()].map(([form, names]) => ({ form, names: [...names] })),
    ...[...aliasNames.entries()].filter(([, names]) => names.length > 0).map(([form, names]) => ({ form, names })),
  ];
  const fuse = new Fuse(forms, { keys: ['form'], includeScore: true, ignoreLocation: true, threshold: config.nameFuzzyMaxScore });

  // longest first, so 市场监督管理局 wins over shorter forms inside it. Two-character forms (民政) are not
  // scanned inside longer words (民政 inside 人民政府); they resolve when they stand alone. A county's
  // place with its level (曹县) is scanned: 比如曹县有什么目标 names that county's government.
  const fullNames = new Set(entries.map((e) => e.norm));
  const scanForms = [...new Set([...spellings.keys(), ...aliasNames.keys(), ...successionOf.keys(), ...absent])]
    .filter((f) => f.length >= 3 || fullNames.has(f) || placeForms.has(f))
    .sort((a, b) => b.length - a.length);

  // Same-sound spellings, as pinyin input makes them (王常华, 生太环境局): every character is replaced by one
  // canonical character of its toneless syllable, so a name and a mention compare as sounds. The names'
  // own characters are seen first, so they are the canonical ones.
  const syllableChar = new Map<string, string>();
  const soundOf = (text: string): string => {
    const syllables = deps.syllables ? deps.syllables.of(text) : pinyin(text, { toneType: 'none', type: 'array' });
    if (syllables.length !== text.length) return text;
    let out = '';
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i] as string;
      const syllable = syllables[i] as string;
      if (!isHan(ch) || !syllable) {
        out += ch;
        continue;
      }
      let c = syllableChar.get(syllable);
      if (!c) syllableChar.set(syllable, (c = ch));
      out += c;
    }
    return out;
  };
  const soundForms = new Map<string, Set<string>>();
  for (const { form, names } of forms) {
    const key = soundOf(form);
    const set = soundForms.get(key) ?? soundForms.set(key, new Set()).get(key)!;
    for (const n of names) set.add(n);
  }
  const soundEntries = entries.map((e) => ({ name: e.name, norm: soundOf(e.norm), core: soundOf(e.core) }));
  const soundMin = deps.soundMinLength ?? 3;
  /**
   * A mention that sounds like a known spelling, syllable for syllable and as long; or, from three
   * characters, like the head or the tail of a name (审批服物局 ~ 市行政审批服务局). Never looser: a wrong
   * syllable (王昌明) is another name, not a slip.
   */
  const resolveSound = (m: string): string[] => {
    if (m.length < soundMin || ![...m].every(isHan)) return [];
    const key = soundOf(m);
    const exact = soundForms.get(key);
    if (exact) return [...exact];
    if (m.length < 3) return [];
    return soundEntries.filter((e) => e.norm.endsWith(key) || e.core.startsWith(key)).map((e) => e.name);
  };

  const resolveFuzzy = (m: string): string[] => {
    if (deps.fuzzy === false || m.length < config.nameFuzzyMinLength) return [];
    // fuse.js allocates per candidate; most pieces are topics that share few characters with any name, so skip them cheaply
    if (!forms.some((f) => sharedChars(m, f.form) >= m.length - 1)) return [];
    const results = fuse.search(m).filter((r) => (r.score ?? 1) <= config.nameFuzzyMaxScore);
    // a fuzzy match must also be about as long as the spelling: 科技居 ~ 科技局, not 科技 inside a long phrase
    // …and start like it: a slip is rarely the first character, and 市政府 is not 单县政府
    // …after the level (区审计局 is no slip for 区统计局: 审 and 统 are what tells the two apart)
    const bare = (x: string): string => x.replace(/^[市县区旗]/, '');
    const fitting = results.filter((r) => Math.abs(r.item.form.length - m.length) <= 1 && bare(r.item.form)[0] === bare(m)[0]);
    const top = fitting[0];
    if (!top) return [];
    const names = new Set<string>();
    for (const r of fitting) if (Math.abs((r.score ?? 1) - (top.score ?? 1)) < 1e-9) for (const n of r.item.names) names.add(n);
    return [...names];
  };

  /** exact spelling → alias → in-order characters → same sound → fuzzy, the first that finds anything */
  const resolveHow = (mention: string): { names: string[]; how: MatchHow; successor?: string } => {
    const m = mention.replace(/\s+/g, '');
    if (!m) return { names: [], how: 'none' };
    // an alias naming nothing in this table (新区 → 鲁西新区 in another city's) leaves the table's own names to try
    const alias = aliasNames.get(m);
    if (alias?.length) return { names: alias, how: 'alias' };
    const old = spellings.has(m) ? undefined : successionOf.get(m);
    if (old) return { names: old.names, how: old.names.length > 0 ? 'succession' : 'none', successor: old.successor };
    if (isAbsent(m)) return { names: [], how: 'none' };
    const direct = resolveDirect(m);
    if (direct.length > 0) return { names: direct, how: spellings.has(m) ? 'exact' : 'inOrder' };
    const sound = resolveSound(m);
    if (sound.length > 0) return { names: sound, how: 'sound' };
    const fuzzy = resolveFuzzy(m);
    return { names: fuzzy, how: fuzzy.length > 0 ? 'fuzzy' : 'none' };
  };
  const resolve = (mention: string): string[] => resolveHow(mention).names;

  /**
   * A known form with more of a name written before it (高新区管委会 around the alias 新区管委会): when the
   * longer mention is one unit's name in order and another one than the form names, the question meant
   * that unit. Up to four characters, Han only, so 看看科技局 stays 科技局.
   */
  const longerAt = (text: string, at: number, end: number, names: readonly string[]): { start: number; names: string[] } | undefined => {
    for (let k = Math.min(4, at); k >= 1; k -= 1) {
      const start = at - k;
      if (![...text.slice(start, at)].every(isHan)) continue;
      // forward only (the mention's characters inside the name), never a full name around a short one: 科技局和商务局 is two units
      const longer = resolveDirect(text.slice(start, end), 2);
      if (longer.length > 0 && !longer.some((n) => names.includes(n))) return { start, names: longer };
    }
    return undefined;
  };

  // the lengths of the same-sound forms worth looking for inside a sentence, longest first: from three characters,
  // as a two-character sound is too often a topic word (the resolver's soundMinLength applies to single mentions)
  const soundLengths = [...new Set([...soundForms.keys()].map((k) => k.length))].filter((n) => n >= Math.max(3, soundMin)).sort((a, b) => b - a);

  /**
   * Same-sound slips inside a sentence, as pinyin input and dictation make them (把聂元可领导分管的, 团市为负责的):
   * a run of Han characters no known spelling took that sounds, syllable for syllable, like a known spelling of
   * this table. Only this table's names: a sound names nothing the loaded table lacks.
   */
  const scanSounds = (text: string, taken: Uint8Array): NameMatch[] => {
    if (soundLengths.length === 0) return [];
    // by runs of Han characters, so a digit or a letter cannot shift the syllables against the characters
    const sound = text.replace(/\p{Script=Han}+/gu, (run) => soundOf(run));
    if (sound.length !== text.length) return [];
    const found: NameMatch[] = [];
    for (const len of soundLengths) {
      for (let at = 0; at + len <= text.length; at += 1) {
        let free = true;
        for (let i = at; i < at + len && free; i += 1) if (taken[i] || !isHan(text[i] as string)) free = false;
        if (!free) continue;
        const names = soundForms.get(sound.slice(at, at + len));
        if (!names) continue;
        taken.fill(1, at, at + len);
        found.push({ start: at, end: at + len, mention: text.slice(at, at + len), names: [...names], bySound: true });
      }
    }
    return found;
  };

  const scan = (text: string): NameMatch[] => {
    const taken = new Uint8Array(text.length);
    const found: NameMatch[] = [];
    for (const form of scanForms) {
      let at = text.indexOf(form);
      while (at >= 0) {
        let free = true;
        for (let i = at; i < at + form.length; i += 1) if (taken[i]) free = false;
        if (free) {
          const end = at + form.length;
          // an alias naming nothing here (水利局 → 水务局 elsewhere, 卫健局 → 卫生健康委 where the table has 区卫生健康局)
          // leaves the table's own spelling of the form, or its names in order
          const alias = aliasNames.get(form);
          const old = alias?.length || spellings.has(form) ? undefined : successionOf.get(form);
          const names = old ? old.names : alias?.length ? alias : absent.has(form) ? [] : [...(spellings.get(form) ?? resolveDirect(form))];
          const wider = old || names.length === 0 ? undefined : longerAt(text, at, end, names);
          const longer = wider && !taken.subarray(wider.start, at).some(Boolean) ? wider : undefined;
          const start = longer?.start ?? at;
          taken.fill(1, start, end);
          if (longer) found.push({ start, end, mention: text.slice(start, end), names: longer.names });
          else if (old) found.push({ start, end, mention: form, names: old.names, successor: old.successor });
          else found.push({ start, end, mention: form, names });
        }
        at = text.indexOf(form, at + 1);
      }
    }
    found.push(...scanSounds(text, taken));
    return found.sort((a, b) => a.start - b.start);
  };

  return { names: entries.map((e) => e.name), scan, resolve, resolveHow };
};

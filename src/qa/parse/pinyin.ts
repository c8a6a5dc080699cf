import { pinyin } from 'pinyin-pro';
import { loadSuccessions } from '../successions';
import type { TextRewrite } from './rewrite';
import type { ParseContext } from './state';

/** Small words a question is built with, beside the table's and the aliases' words: weijianwei de mubiao. */
const GLUE = ['的', '第', '项', '号', '条', '了', '吗', '呢', '有', '哪些', '哪个', '什么', '多少', '几', '目标', '任务', '项目', '情况', '进度', '怎么样', '负责', '分管'];

/** A run of Latin words: full pinyin with or without spaces (shangwuju zhihou, xiwangxiaowu). */
const RUN = /[a-z]+(?:\s+[a-z]+)*/g;

/** The sounds of the words a parser knows (see createPinyinRewrite), built once per parse context on first use. */
export interface Sounds {
  /** the fewest known words that spell a Latin word exactly (weijianwei → 卫健委), or undefined */
  cover(latin: string): string | undefined;
  /**
   * A piece of Chinese the table does not have that sounds exactly like words it has, one character in
   * three at most written otherwise (东明时化 → 东明石化): the same words typed with a homophone. Undefined
   * when the piece is the table's own text or sounds like nothing in it.
   */
  soundAlike(piece: string): string | undefined;
}

const soundsByContext = new WeakMap<ParseContext, Sounds>();

/** The parser's sound dictionary, shared by the pinyin rewrite and the topic pass. */
export const soundsFor = (ctx: ParseContext): Sounds => {
  let sounds = soundsByContext.get(ctx);
  if (!sounds) {
    sounds = createSounds(ctx, ctx.tableWords ?? (() => ctx.sections ?? []));
    soundsByContext.set(ctx, sounds);
  }
  return sounds;
};

const createSounds = (ctx: ParseContext, tableWords: () => Iterable<string>): Sounds => {
  let dict: Map<string, string> | undefined;
  /** the table's words and their pieces as written: a piece made of these is the table's own text */
  const known = new Set<string>();
  let longest = 0;
  const spell = (word: string): string | undefined => {
    if (!/^\p{Script=Han}+$/u.test(word)) return undefined;
    const syllables = pinyin(word, { toneType: 'none', type: 'array' });
    return syllables.length === word.length && syllables.every((x) => /^[a-z]+$/.test(x)) ? syllables.join('').replace(/ü/g, 'v') : undefined;
  };
  const build = (): Map<string, string> => {
    const out = new Map<string, string>();
    const add = (w: string): void => {
      const word = ctx.normalize(w).replace(/\s+/g, '');
      const key = word.length >= 1 && word.length <= 12 ? spell(word) : undefined;
      if (!key || out.has(key)) return;
      out.set(key, word);
      longest = Math.max(longest, key.length);
    };
    const a = ctx.aliases;
    // priority by order: names, then the words that ask for something, then the rest
    for (const n of ctx.leaders.names) add(n);
    for (const n of ctx.units.names) add(n.replace(/^[市县区]/u, ''));
    for (const n of ctx.units.names) add(n);
    for (const k of Object.keys(a.units)) add(k);
    // the reform's names of units this table has (市场监管局 for 区市场监督管理局, 安监局 for 应急管理局): people type them too
    for (const { now, was } of loadSuccessions()) for (const f of [...now, ...was]) if (ctx.units.resolve(ctx.normalize(f)).length > 0) add(f);
    for (const list of [a.status.lagging, a.status.onSchedule, a.deadlines.yearEnd, a.deadlines.ongoing, a.stats, a.counts, a.help, a.all, ...Object.values(a.lights), a.rankings.order])
      for (const w of list) add(w);
    for (const w of GLUE) add(w);
    for (const [k, v] of Object.entries(a.synonyms)) for (const w of [k, ...v]) add(w);
    for (const w of a.fillers) add(w);
    const words = [...tableWords()];
    for (const w of words) {
      add(w);
      known.add(ctx.normalize(w).replace(/\s+/g, ''));
    }
    // the segmenter leaves a rare name in characters, joined into one run with its neighbours (守牢疫情防控,
    // 用好郓城睿鹰): the run's pieces of two to four characters are words too (yiqing fangkong, ruiying)
    for (const w of words) addPieces(out, ctx.normalize(w).replace(/\s+/g, ''));
    return out;
  };
  /** every piece of two to four characters of a word, spelt from the word's syllables (one pinyin call per word) */
  const addPieces = (out: Map<string, string>, word: string): void => {
    if (word.length <= 2 || !/^\p{Script=Han}+$/u.test(word)) return;
    const syllables = pinyin(word, { toneType: 'none', type: 'array' }).map((x) => x.replace(/ü/g, 'v'));
    if (syllables.length !== word.length || !syllables.every((x) => /^[a-z]+$/.test(x))) return;
    for (let i = 0; i < word.length; i += 1) {
      for (let j = i + 2; j <= Math.min(word.length, i + 4); j += 1) {
        const key = syllables.slice(i, j).join('');
        known.add(word.slice(i, j));
        if (out.has(key)) continue;
        out.set(key, word.slice(i, j));
        longest = Math.max(longest, key.length);
      }
    }
  };

  /** The fewest dictionary words that spell `latin` exactly, or undefined. */
  const coverWith = (latin: string, words: Map<string, string>): string | undefined => {
    const best: ({ n: number; text: string } | undefined)[] = new Array(latin.length + 1).fill(undefined);
    best[0] = { n: 0, text: '' };
    for (let i = 0; i < latin.length; i += 1) {
      const from = best[i];
      if (!from) continue;
      for (let j = i + 1; j <= Math.min(latin.length, i + longest); j += 1) {
        const w = words.get(latin.slice(i, j));
        if (!w) continue;
        const next = best[j];
        if (!next || next.n > from.n + 1) best[j] = { n: from.n + 1, text: from.text + w };
      }
    }
    return best[latin.length]?.text;
  };

  const cover = (latin: string): string | undefined => {
    dict ??= build();
    return coverWith(latin, dict);
  };
  const soundAlike = (piece: string): string | undefined => {
    if (piece.length < 3 || !/^\p{Script=Han}+$/u.test(piece)) return undefined;
    dict ??= build();
    // every pair of it written as the table writes it: the table's own text, not a slip
    let own = true;
    for (let i = 0; i + 2 <= piece.length && own; i += 1) own = known.has(piece.slice(i, i + 2));
    if (own) return undefined;
    const latin = spell(piece);
    const as = latin === undefined ? undefined : coverWith(latin, dict);
    if (!as || as.length !== piece.length || as === piece) return undefined;
    let differ = 0;
    for (let i = 0; i < piece.length; i += 1) if (as[i] !== piece[i]) differ += 1;
    return differ <= Math.max(1, Math.floor(piece.length / 3)) ? as : undefined;
  };
  return { cover, soundAlike };
};

/**
 * Full pinyin typed for Chinese (weijianwei de mubiao, wangchanghua luohou, di47xiang), with or
 * without spaces and tones (wèijiànwěi, wei4jian4wei3): each Latin word that is wholly the
 * pinyin of words this parser knows — the table's names and words, the aliases' words — is
 * written as those words, fewest words first, names before other words of the same sound.
 * A word that is not wholly such pinyin (wjw, gdp, 5g) is left for the other passes. The
 * dictionary is built on the first question with Latin letters, so tables of 30,000 targets
 * pay for it only when someone types pinyin.
 */
export const createPinyinRewrite = (ctx: ParseContext): TextRewrite => {
  const sounds = soundsFor(ctx);
  return {
    name: 'pinyin',
    rewrite(text, heard) {
      if (!/[a-zà-ü]{2}/u.test(text)) return text;
      // tone marks and tone numbers say nothing the words do not: wèi → wei, wei4 → wei
      const plain = text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/([aeiouvgnr])[1-5](?=[a-z]|\s|$)/g, '$1');
      // pinyin typed into the middle of a word, the rest in characters (nengyuan集团, shenpi局): the run and the
      // characters right after it spell one known word together, longest first
      const glued = plain.replace(/(?<![a-z]\s*)([a-z]+)(\p{Script=Han}{1,4})/gu, (both, run: string, han: string) => {
        if (sounds.cover(run) !== undefined) return both;
        for (let k = han.length; k >= 1; k -= 1) {
          const tail = han.slice(0, k);
          const tailSound = pinyin(tail, { toneType: 'none', type: 'array' });
          if (tailSound.length !== k || !tailSound.every((x) => /^[a-z]+$/.test(x))) continue;
          const as = sounds.cover(run + tailSound.join('').replace(/ü/g, 'v'));
          if (as?.endsWith(tail)) {
            heard.readAs.push({ written: run + tail, as });
            return ` ${as}${han.slice(k)}`;
          }
        }
        return both;
      });
      const readRun = (run: string): string | undefined => {
        // word by word, or, when the spaces fall inside a word (shichang jianguan ju), the run as one
        const read = run.split(/\s+/).map((w) => sounds.cover(w));
        const whole = read.some((r) => r === undefined) ? sounds.cover(run.replace(/\s+/g, '')) : undefined;
        if (read.some((r) => r === undefined) && whole === undefined) return undefined;
        const as = whole ?? read.join(' ');
        heard.readAs.push({ written: run, as });
        return ` ${as} `;
      };
      return glued.replace(RUN, (run, at: number) => {
        const as = readRun(run);
        if (as !== undefined) return as;
        // the letters of a Latin word with digits (5g jizhan, pm2.5 jiangdi) are that word's, not pinyin: the rest of the run may be
        const glue = /^([a-z]+)\s+(.+)$/u.exec(run);
        const rest = glue && /\d/.test(glued[at - 1] ?? '') ? readRun(glue[2] as string) : undefined;
        return rest === undefined ? run : `${glue?.[1]}${rest}`;
      });
    },
  };
};

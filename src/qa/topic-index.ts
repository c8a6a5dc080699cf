import { QA_DEFAULTS, type QaConfig } from './config';
import { eachGram, wordGrams, type Gram } from './grams';

/** One searchable target: its normalised target text and progress text. */
export interface TopicDoc {
  title: string;
  body: string;
}

/** A search word and its alternatives (托儿所 | 托育); the best alternative counts. */
export type WordGroup = string[];

export interface TopicResult {
  /** every document that passed the coverage floor, best first */
  ranked: Int32Array;
  /** score and matched words for the first `searchRefineTop` documents of `ranked` */
  detail: Map<number, { score: number; matched: string[] }>;
}

export interface TopicIndex {
  size: number;
  /**
   * Ranks documents by the words of `groups` (each group one word and its
   * synonyms), favouring words found in the target text over the progress
   * text and whole phrases over scattered characters. `mask` (1 = allowed)
   * restricts the search to filtered targets.
   */
  search(groups: WordGroup[], options?: { mask?: Uint8Array; phrases?: string[] }): TopicResult;
}

const SYNONYM_WEIGHT = 0.3;
/** what a target whose text has a synonym of a word, not the word itself, scores for it */
const SYNONYM_SCORE = 0.8;
/** share of the table's targets a word may occur in and still be rare (see rareDf) */
const RARE_SHARE = 0.02;
/** targets whose text is checked for a run of the question in a chatty search (a chatty answer is one target or a few) */
const CHATTY_CHECKED = 200;
/** characters a run of the question must have in the target's text (one more in its progress text) to show what a chatty question is about */
const CHATTY_RUN = 3;

/**
 * Whether a text holds a run of at least `least` characters of one piece of
 * the question that contains one of its rare words: 希望小屋 in 建设希望小屋1000个
 * shows the topic of 希望小屋那个事情怎么样了; 天气 alone (今天天气) or a rare word
 * glued to words the target lacks (冬季 of 冬季清洁取暖) does not.
 */
const chattyEvidence = (text: string, pieces: readonly string[], rare: readonly string[], least: number): boolean => {
  for (const piece of pieces) {
    for (let i = 0; i + least <= piece.length; i += 1) {
      let j = i + least;
      if (!text.includes(piece.slice(i, j))) continue;
      while (j < piece.length && text.includes(piece.slice(i, j + 1))) j += 1;
      const run = piece.slice(i, j);
      if (rare.some((w) => run.includes(w))) return true;
    }
  }
  return false;
};
/** a word in at most this many of n targets is rare in the table (3 of a city's fifty, a quarter of a tiny table): what a chatty question can be about */
export const rareDfOf = (n: number): number => Math.max(Math.min(3, Math.floor(n / 4)), Math.ceil(n * RARE_SHARE));

const TITLE = 1;
const BODY = 2;

/**
 * An inverted index from character pairs and Latin words to documents. A
 * posting is `doc * 4 + flags` in one Int32Array, so 100k targets index in
 * seconds and a query touches only the documents that share a gram with it.
 */
export const createTopicIndex = (docs: readonly TopicDoc[], config: QaConfig = QA_DEFAULTS): TopicIndex => {
  const n = docs.length;
  const gramIds = new Map<Gram, number>();
  let pairs = new Int32Array(1 << 16);
  let used = 0;
  const push = (gram: number, posting: number): void => {
    if (used + 2 > pairs.length) {
      const bigger = new Int32Array(pairs.length * 2);
      bigger.set(pairs);
      pairs = bigger;
    }
    pairs[used++] = gram;
    pairs[used++] = posting;
  };
  // per gram, the last document whose title / body held it: dedupes without a Set per document
  let seenTitle = new Int32Array(1 << 14).fill(-1);
  let seenBody = new Int32Array(1 << 14).fill(-1);
  const idOf = (g: Gram): number => {
    let id = gramIds.get(g);
    if (id === undefined) {
      id = gramIds.size;
      gramIds.set(g, id);
      if (id >= seenTitle.length) {
        const t = new Int32Array(seenTitle.length * 2).fill(-1);
        t.set(seenTitle);
        seenTitle = t;
        const b = new Int32Array(seenBody.length * 2).fill(-1);
        b.set(seenBody);
        seenBody = b;
      }
    }
    return id;
  };
  const titleIds: number[] = [];
  const bodyIds: number[] = [];
  let d = 0;
  const onTitle = (g: Gram): void => {
    const id = idOf(g);
    if (seenTitle[id] !== d) {
      seenTitle[id] = d;
      titleIds.push(id);
    }
  };
  const onBody = (g: Gram): void => {
    const id = idOf(g);
    if (seenBody[id] !== d) {
      seenBody[id] = d;
      bodyIds.push(id);
    }
  };
  for (d = 0; d < n; d += 1) {
    const doc = docs[d] as TopicDoc;
    titleIds.length = 0;
    bodyIds.length = 0;
    eachGram(doc.title, onTitle);
    eachGram(doc.body, onBody);
    for (const id of titleIds) push(id, d * 4 + TITLE + (seenBody[id] === d ? BODY : 0));
    for (const id of bodyIds) if (seenTitle[id] !== d) push(id, d * 4 + BODY);
  }
  const gramCount = gramIds.size;
  const offsets = new Int32Array(gramCount + 1);
  for (let i = 0; i < used; i += 2) {
    const g = (pairs[i] as number) + 1;
    offsets[g] = (offsets[g] as number) + 1;
  }
  for (let g = 0; g < gramCount; g += 1) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const postings = new Int32Array(used / 2);
  const fill = offsets.slice(0, gramCount);
  for (let i = 0; i < used; i += 2) {
    const g = pairs[i] as number;
    postings[fill[g] as number] = pairs[i + 1] as number;
    fill[g] = (fill[g] as number) + 1;
  }
  pairs = new Int32Array(0);

  const maxIdf = Math.log(1 + n);
  const idf = (id: number | undefined): number => {
    if (id === undefined) return maxIdf;
    const df = (offsets[id + 1] as number) - (offsets[id] as number);
    return Math.log(1 + n / Math.max(1, df));
  };

  // scratch space reused by every query (the engine answers one question at a time)
  const altCov = new Float64Array(n);
  const altTitle = new Float64Array(n);
  const altMark = new Uint8Array(n);
  const altList = new Int32Array(n);
  const grpCov = new Float64Array(n);
  const grpTitle = new Float64Array(n);
  const grpMark = new Uint8Array(n);
  /** per target, 1 when the group's best word is the user's own, SYNONYM_SCORE when it is a synonym */
  const grpFactor = new Float64Array(n).fill(1);
  const grpList = new Int32Array(n);
  const score = new Float64Array(n);
  const qcov = new Float64Array(n);
  const qused = new Float64Array(n);
  const rareInTitle = new Uint8Array(n);
  const rareDf = rareDfOf(n);
  const docMark = new Uint8Array(n);
  const docList = new Int32Array(n);
  const keys = new Float64Array(n);

  const search: TopicIndex['search'] = (groups, options = {}) => {
    const { mask, phrases = [] } = options;
    let nDocs = 0;
    let totalWeight = 0;
    let usedTotal = 0;
    /** the question's words the table uses in few targets: what a chatty question is about */
    const rare: string[] = [];
    /** a rare table word standing for a question's word (基站 for 信号塔), with the word it stands for */
    const rareAlts: { word: string; said: string }[] = [];
    /** words as the user wrote them (weight 1) and synonyms the table uses (weight SYNONYM_WEIGHT: 医院 beats 卫生院 for 医院) */
    const words = new Map<string, number>();
    for (const group of groups) {
      let nGrp = 0;
      const groupRareAlts: string[] = [];
      let weight = 0;
      /** the weight of the alternatives the table has any pair of (一千 | 1000 weighs as 1000) */
      let usedWeight = 0;
      for (const [altIndex, alt] of group.entries()) {
        const grams = wordGrams(alt);
        if (grams.length === 0) continue;
        words.set(alt, Math.max(words.get(alt) ?? 0, altIndex === 0 ? 1 : SYNONYM_WEIGHT));
        let total = 0;
        for (const g of grams) total += idf(gramIds.get(g));
        weight = Math.max(weight, total / grams.length);
        if (grams.some((g) => gramIds.has(g))) usedWeight = Math.max(usedWeight, total / grams.length);
        // one alternative (the usual case) accumulates straight into the group's arrays
        const direct = group.length === 1;
        const cov = direct ? grpCov : altCov;
        const title = direct ? grpTitle : altTitle;
        const mark = direct ? grpMark : altMark;
        const list = direct ? grpList : altList;
        let count = 0;
        for (const g of grams) {
          const id = gramIds.get(g);
          if (id === undefined) continue;
          const w = idf(id) / total;
          const end = offsets[id + 1] as number;
          for (let p = offsets[id] as number; p < end; p += 1) {
            const posting = postings[p] as number;
            const d = posting >> 2;
            if (!mark[d]) {
              mark[d] = 1;
              list[count++] = d;
            }
            cov[d] = (cov[d] as number) + w;
            if (posting & TITLE) title[d] = (title[d] as number) + w;
          }
        }
        if (direct) {
          nGrp = count;
          continue;
        }
        let altDf = 0;
        for (let i = 0; i < count; i += 1) {
          const d = altList[i] as number;
          if ((altCov[d] as number) >= config.searchMinWordCoverage) altDf += 1;
          if (!grpMark[d]) {
            grpMark[d] = 1;
            grpList[nGrp++] = d;
          }
          // a synonym covers the word as fully as the word itself (the coverage floor) but ranks a little below it
          if ((altCov[d] as number) > (grpCov[d] as number)) {
            grpCov[d] = altCov[d] as number;
            grpFactor[d] = altIndex === 0 ? 1 : SYNONYM_SCORE;
          }
          if ((altTitle[d] as number) > (grpTitle[d] as number)) grpTitle[d] = altTitle[d] as number;
          altCov[d] = 0;
          altTitle[d] = 0;
          altMark[d] = 0;
        }
        if (altIndex > 0 && altDf > 0 && altDf <= rareDf && grams.every((g) => gramIds.has(g))) groupRareAlts.push(alt);
      }
      if (weight === 0) continue;
      // how many targets of the whole table hold the word (the mask is a filter, not the table's language)
      let df = 0;
      let inTitles = false;
      for (let i = 0; i < nGrp; i += 1) {
        const d = grpList[i] as number;
        if ((grpCov[d] as number) >= config.searchMinWordCoverage) df += 1;
        if ((grpTitle[d] as number) >= config.searchMinWordCoverage) inTitles = true;
      }
      // read as chatter around a topic, a word no target text uses weighs nothing: progress texts are
      // narrative and use everyday words (一个, 关于, 现在) as chatter does
      const used = inTitles ? usedWeight : 0;
      // a group is rare when the word or one of the table's words for it is (河流 and 断面 for 河里, beside the common 水质)
      const isRare = ((df > 0 && df <= rareDf) || groupRareAlts.length > 0) && !/^[\d.]+$/.test(group[0] as string);
      if (isRare) {
        rare.push(group[0] as string);
        for (const word of groupRareAlts) rareAlts.push({ word, said: group[0] as string });
      }
      totalWeight += weight;
      usedTotal += used;
      for (let i = 0; i < nGrp; i += 1) {
        const d = grpList[i] as number;
        const c = grpCov[d] as number;
        const t = grpTitle[d] as number;
        const factor = grpFactor[d] as number;
        grpCov[d] = 0;
        grpFactor[d] = 1;
        grpTitle[d] = 0;
        grpMark[d] = 0;
        if (mask && !mask[d]) continue;
        if (c >= config.searchMinWordCoverage) {
          qcov[d] = (qcov[d] as number) + weight * c;
          qused[d] = (qused[d] as number) + used * c;
          // a progress text mentions much in passing (高速公路 in an epidemic target's): the target's own text must hold one
          if (isRare && t >= config.searchMinWordCoverage) rareInTitle[d] = 1;
        }
        score[d] = (score[d] as number) + weight * factor * (c + (config.searchTargetWeight - 1) * t);
        if (!docMark[d]) {
          docMark[d] = 1;
          docList[nDocs++] = d;
        }
      }
    }

    // keep documents that hold most of the question's meaning; sort by a packed
    // (score, doc) key so one typed-array sort orders 100k hits quickly
    let nKeys = 0;
    const floor = config.searchMinCoverage * totalWeight - 1e-9;
    const key = (d: number): number => (2 ** 30 - 1 - Math.min(2 ** 30 - 1, Math.round(((score[d] as number) / totalWeight) * 1e5))) * 2 ** 21 + d;
    for (let i = 0; i < nDocs; i += 1) {
      const d = docList[i] as number;
      if (totalWeight > 0 && (qcov[d] as number) >= floor) keys[nKeys++] = key(d);
    }
    // Nothing holds most of the question: read it as chatter around a topic. Words the table never uses
    // weigh nothing; a target must hold most of the rest, a rare word of the question in its own text, and
    // a rare word inside a run of the question's characters (see chattyEvidence), so a stray word (建设
    // anywhere, 天气 of 重污染天气, 高速公路 in a progress text) does not make an absent topic found.
    let chatty = false;
    if (nKeys === 0 && usedTotal > 0 && rare.length > 0) {
      chatty = true;
      const usedFloor = config.searchMinCoverage * usedTotal - 1e-9;
      for (let i = 0; i < nDocs; i += 1) {
        const d = docList[i] as number;
        if (rareInTitle[d] && (qused[d] as number) >= usedFloor) keys[nKeys++] = key(d);
      }
    }
    for (let i = 0; i < nDocs; i += 1) {
      const d = docList[i] as number;
      score[d] = 0;
      qcov[d] = 0;
      qused[d] = 0;
      rareInTitle[d] = 0;
      docMark[d] = 0;
    }
    let sorted = keys.subarray(0, nKeys).sort();
    if (chatty) {
      const runs = [...new Set(phrases)];
      let kept = 0;
      for (let i = 0; i < sorted.length && i < CHATTY_CHECKED; i += 1) {
        const d = (sorted[i] as number) % 2 ** 21;
        const doc = docs[d] as TopicDoc;
        // two rare words of the question in one target text are no coincidence either (城区 and 管网 of 城区供暖管网), nor are
        // two table words for its words (河流 and 断面 for 河里), nor the table's word for a run of three or more (基站 for 信号塔)
        const inTitle = [...new Set([...rare, ...rareAlts.map((a) => a.word)])].filter((w) => doc.title.includes(w));
        const twoRare = inTitle.filter((w) => !inTitle.some((o) => o !== w && o.includes(w))).length >= 2;
        const standsFor = rareAlts.some((a) => a.said.length >= CHATTY_RUN && doc.title.includes(a.word));
        if (twoRare || standsFor || chattyEvidence(doc.title, runs, rare, CHATTY_RUN) || chattyEvidence(doc.body, runs, rare, CHATTY_RUN + 1)) sorted[kept++] = sorted[i] as number;
      }
      sorted = sorted.subarray(0, kept);
    }
    const ranked = new Int32Array(sorted.length);
    for (let i = 0; i < sorted.length; i += 1) ranked[i] = (sorted[i] as number) % 2 ** 21;

    // refine the head: whole phrases in the target text beat scattered pairs
    const head = Math.min(ranked.length, config.searchRefineTop);
    const detail = new Map<number, { score: number; matched: string[] }>();
    const refined: { d: number; s: number }[] = [];
    const allPhrases = new Map<string, number>(words);
    for (const p of phrases) allPhrases.set(p, 1);
    for (const p of [...allPhrases.keys()]) if (p.length < 2) allPhrases.delete(p);
    for (let i = 0; i < head; i += 1) {
      const d = ranked[i] as number;
      const doc = docs[d] as TopicDoc;
      let s = (2 ** 30 - 1 - Math.floor((sorted[i] as number) / 2 ** 21)) / 1e5;
      const matched: string[] = [];
      for (const [p, weight] of allPhrases) {
        const inTitle = doc.title.includes(p);
        const inBody = countOf(doc.body, p);
        if (inTitle || inBody > 0) matched.push(p);
        // a phrase that fills a short target text is its subject; one repeated in the progress text is its topic
        if (inTitle) s += weight * config.searchTargetWeight * (p.length / 4) * (1 + p.length / doc.title.length);
        if (inBody > 0) s += weight * (p.length / 4) * Math.log2(1 + inBody);
      }
      refined.push({ d, s });
      detail.set(d, { score: s, matched: matched.filter((m) => !matched.some((o) => o !== m && o.includes(m))) });
    }
    refined.sort((a, b) => b.s - a.s || a.d - b.d);
    for (let i = 0; i < head; i += 1) ranked[i] = (refined[i] as { d: number }).d;
    return { ranked, detail };
  };

  return { size: n, search };
};

const countOf = (text: string, word: string): number => {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0 && count < 8; at = text.indexOf(word, at + word.length)) count += 1;
  return count;
};

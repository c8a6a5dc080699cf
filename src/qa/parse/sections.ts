import { toNumber } from './numbers';
import { cutFilter } from './negation';
import { cut, type ParseContext, type ParsePass, type ParseState } from './state';

/** Words that end many section names and say nothing about which one: 生态环保类 is asked as 生态环保. */
const GENERIC_END = /(?:类|工作|方面|领域|板块|事项|任务|目标)$/u;
/**
 * Sections by their place in the table: 第一部分, 第2板块, 第三大类, 第四个方面, and several joined, each with its word or
 * sharing the last one (第一类和第二类, 第一、第三部分, 第二和三板块).
 */
const PLACE = '([一二三四五六七八九十]{1,3}|\\d{1,2})';
const ORDINAL = new RegExp(`第\\s*${PLACE}((?:(?:\\s*(?:、|和|跟|与|及|以及|还有|,)\\s*|\\s+)第?\\s*${PLACE.replace('(', '(?:')})*)\\s*(?:个)?\\s*(?:部分|板块|大块|块|大项|大类|类|方面|篇)`, 'gu');
/** Words after a section that only say it is one (营商环境那块, 城市品质这一部分, 统筹发展和安全里面): cut with it. */
const SECTION_WORD = /^(?:这|那)?(?:一)?(?:部分|板块|大块|块|方面|领域|类)?(?:里面|里头|里边|当中|之中|中|里)?/u;
/** the words after a form that make it a section, when it has any */
const sectionWord = (text: string, end: number): string => SECTION_WORD.exec(text.slice(end))?.[0] ?? '';

interface Form {
  form: string;
  name: string;
  /** said only with a word that makes it a section (项目建设部分), or the section named already: alone, a target's words (重点项目建设) are its topic */
  needsWord: boolean;
}

/**
 * The forms a section is asked by: its name whole, without a generic ending, and each of its clauses
 * (聚力项目建设，增强发展动能 → 聚力项目建设, 增强发展动能) with and without the verb that opens it
 * (项目建设, 发展动能): people name a section by what it is about. A form two sections share names neither.
 */
const formsOf = (ctx: ParseContext): Form[] => {
  const texts = ctx.targetTexts?.() ?? [];
  const inTargets = (form: string): boolean => texts.some((t) => t.includes(form));
  const byForm = new Map<string, { names: Set<string>; needsWord: boolean }>();
  const add = (form: string, name: string, needsWord = false): void => {
    if (form.length < 2) return;
    const entry = byForm.get(form) ?? byForm.set(form, { names: new Set(), needsWord }).get(form);
    entry?.names.add(name);
    if (entry && !needsWord) entry.needsWord = false;
  };
  for (const name of ctx.sections ?? []) {
    const norm = ctx.normalize(name).replace(/\s+/g, '');
    add(norm, name);
    add(norm.replace(GENERIC_END, ''), name);
    // 民生保障与社会事业 asked as 民生那一块, 民生板块: the first word of each part, said with a word that makes it a section
    // (产业发展与项目建设 as 产业发展 too, which alone is a target's topic when a target says it)
    for (const part of norm.replace(GENERIC_END, '').split(/[，,；;、。与和及暨]+/u)) {
      if (part.length < 4 || part === norm) continue;
      add(part, name, inTargets(part));
      add(part.slice(0, 2), name, true);
    }
    const clauses = norm.split(/[，,；;、。]+/u).filter(Boolean);
    if (clauses.length < 2) continue;
    for (const clause of clauses) {
      add(clause, name);
      // a clause of six or more opens with a two-character verb (提升城市品质 → 城市品质); four are left at least
      if (clause.length >= 6) add(clause.slice(2), name, inTargets(clause.slice(2)));
    }
  }
  return [...byForm.entries()]
    .filter(([, { names }]) => names.size === 1)
    .map(([form, { names, needsWord }]) => ({ form, name: [...names][0] as string, needsWord }))
    .sort((a, b) => b.form.length - a.form.length);
};

/** Takes the words at [from, to) as a section: set aside when the words around say so, else asked for. */
const take = (s: ParseState, found: Set<string>, name: string, from: number, to: number): void => {
  // 不是民生实事的, 民生实事以外: the other sections' targets
  if (!cutFilter(s, from, to + sectionWord(s.text, to).length, { sections: [name] })) found.add(name);
};

/**
 * A section of the table by name or by place (民生实事里滞后的, 营商环境那块, 第二部分): the
 * targets under that section row. The table's own section names (see formsOf), so a table
 * without sections reads nothing here. Before the pointer and the numbers, which would read
 * 第二部分 as the second target, and before units, so 民生 in 民生实事 is no 民政 slip.
 */
export const createSectionsPass = (ctx: ParseContext): ParsePass => {
  const sections = ctx.sections ?? [];
  // on the first question: the targets' texts are not read before anyone asks
  let forms: Form[] | undefined;
  return {
    name: 'sections',
    run(s) {
      if (sections.length === 0) return;
      forms ??= formsOf(ctx);
      const found = new Set<string>();
      // from the last, so the earlier offsets stay valid as each is cut
      for (const ordinal of [...s.text.matchAll(ORDINAL)].reverse()) {
        const places = [ordinal[1] as string, ...[...(ordinal[2] ?? '').matchAll(/[一二三四五六七八九十]{1,3}|\d{1,2}/gu)].map((m) => m[0])];
        const names = places.map((p) => sections[(toNumber(p) ?? 0) - 1]);
        // 第七部分 of a table with six: nothing, said as asked, rather than the whole table
        if (names.some((name) => name === undefined)) {
          s.query.unresolved ??= ordinal[0].replace(/\s+/g, '');
          s.text = `${s.text.slice(0, ordinal.index)} ${s.text.slice(ordinal.index + ordinal[0].length)}`;
          continue;
        }
        for (const name of names.slice(1)) found.add(name as string);
        take(s, found, names[0] as string, ordinal.index, ordinal.index + ordinal[0].length);
      }
      for (const { form, name, needsWord } of forms) {
        const at = s.text.indexOf(form);
        if (at < 0 || (needsWord && !found.has(name) && !sectionWord(s.text, at + form.length))) continue;
        take(s, found, name, at, at + form.length);
      }
      if (found.size > 0) s.query.sections = [...found];
    },
  };
};

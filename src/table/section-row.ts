/** A section's number before its name: 一、 二． （三） 第四部分 五类. */
const SECTION_MARK = /^(?:第?[一二三四五六七八九十]{1,3}\s*(?:[、.．:：]|部分|类|板块)|[（(][一二三四五六七八九十]{1,3}[)）])\s*/u;

/**
 * The name of a section row (一、民生实事 → 民生实事; 二、生态环保（8项） → 生态环保), or
 * undefined for a row that is none (a note, a blank row). Only a numbered row is a section,
 * so a note (注：…) never becomes one.
 */
export const sectionOf = (cells: string[]): string | undefined => {
  const filled = [...new Set(cells.map((c) => c.trim()).filter(Boolean))];
  // 一 | 民生实事 in two cells: the number alone in its own
  if (filled.length > 1 && /^[一二三四五六七八九十]{1,3}$/u.test(filled[0] as string)) filled[0] = `${filled[0] as string}、`;
  const text = filled.join('');
  const mark = SECTION_MARK.exec(text);
  if (!mark) return undefined;
  const name = text
    .slice(mark[0].length)
    .replace(/[（(]\s*(?:共)?\s*\d+\s*(?:项|个|条)\s*[)）]$/u, '')
    .replace(/[:：。;；,，\s]+$/u, '')
    .trim();
  return name.length >= 2 && name.length <= 30 ? name : undefined;
};

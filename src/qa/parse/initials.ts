import { pinyin } from 'pinyin-pro';
import type { ParseContext, ParsePass } from './state';

/** The first letters of a name's syllables: 卫健委 → wjw, 聂元科 → nyk; undefined when a character has no reading. */
export const initialsOf = (name: string): string | undefined => {
  const firsts = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' });
  return firsts.length === [...name].length && firsts.every((f) => /^[a-z]$/.test(f)) ? firsts.join('') : undefined;
};

/**
 * A name typed as the first letters of its pinyin, as phone keyboards suggest
 * (wjw for 卫健委, nyk for 聂元科): a whole word of letters that are the initials
 * of exactly one unit spelling (full, without 市, an alias) or one leader. Three
 * letters at least for units, whose short initials collide with abbreviations;
 * two for a leader (zp). After the filler words and before the loose names, so only a
 * word nothing else read is tried; the reply says how it was read.
 */
export const createInitialsPass = (ctx: ParseContext): ParsePass => {
  const byInitials = new Map<string, { kind: 'unit' | 'leader'; names: Set<string> }>();
  const add = (form: string, name: string, kind: 'unit' | 'leader'): void => {
    const key = initialsOf(ctx.normalize(form).replace(/\s+/g, ''));
    if (!key || key.length < (kind === 'unit' ? 3 : 2)) return;
    const entry = byInitials.get(key) ?? byInitials.set(key, { kind, names: new Set() }).get(key)!;
    // a unit and a leader with the same initials: neither is meant for sure
    if (entry.kind !== kind) entry.names.add('');
    entry.names.add(name);
  };
  for (const name of ctx.units.names) {
    add(name, name, 'unit');
    if (name.startsWith('市')) add(name.slice(1), name, 'unit');
    if (name.endsWith('人民政府')) add(name.slice(0, -4), name, 'unit');
  }
  for (const alias of Object.keys(ctx.aliases.units)) {
    const names = ctx.units.resolve(ctx.normalize(alias).replace(/\s+/g, ''));
    if (names.length === 1) add(alias, names[0] as string, 'unit');
  }
  for (const name of ctx.leaders.names) add(name, name, 'leader');
  return {
    name: 'initials',
    run(s) {
      const left: string[] = [];
      for (const word of s.text.split(/\s+/)) {
        const entry = /^[a-z]{2,8}$/.test(word) ? byInitials.get(word) : undefined;
        if (!entry || entry.names.size !== 1) {
          if (word) left.push(word);
          continue;
        }
        const name = [...entry.names][0] as string;
        (entry.kind === 'unit' ? s.units : s.leaders).add(name);
        s.mentions.push({ written: word, kind: entry.kind });
        s.readAs.push({ written: word, as: name });
      }
      s.text = left.join(' ');
    },
  };
};

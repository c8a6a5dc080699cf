import { isHan } from '../grams';
import type { MatchHow } from '../names';
import { createEdgeStripper, fillerWords, longestFirst, type ParseContext, type ParsePass } from './state';

/** matches that read the mention as another name: the reply says so (按“王昌华”理解) */
const LOOSE = new Set<MatchHow>(['sound', 'fuzzy', 'succession']);

/** how a unit's name ends: one character (局, 委) or 中心, never 中 alone (卫生中 is no 卫生局) */
const UNIT_END = /(?:[局委会部办府县区团港司厅院队站所]|中心)$/;

/**
 * The pieces left after the verbatim passes may still be names written
 * loosely: 工信局 by its characters in order, 科技居 with a wrong character,
 * 王昌化, 市科学技术局, or a unit at the start of a longer piece (工信局5g).
 * A piece that looks like a unit the table does not have (发改委, 教育局) is
 * recorded as unresolved instead of being searched. Resolved pieces leave the
 * text; what remains is for the topic search.
 */
export const createLooseNamesPass = (ctx: ParseContext): ParsePass => {
  const stripEdges = createEdgeStripper(fillerWords(ctx).single);
  const titles = longestFirst(ctx.normalize, ctx.aliases.leaderTitles);
  return {
    name: 'loose names',
    run(s) {
      const left: string[] = [];
      for (const raw of s.text.split(/\s+/)) {
        let piece = stripEdges(raw);
        if (!piece) continue;
        const asUnit = ctx.units.resolveHow(piece);
        if (asUnit.successor && asUnit.names.length === 0) {
          s.query.unresolved ??= `${piece}（${asUnit.successor}）`;
          continue;
        }
        if (asUnit.names.length > 0) {
          if (asUnit.names.length > 1) s.ambiguous = asUnit.names;
          for (const n of asUnit.names) s.units.add(n);
          s.mentions.push({ written: piece, kind: 'unit' });
          if (asUnit.names.length === 1 && LOOSE.has(asUnit.how)) s.readAs.push({ written: piece, as: asUnit.names[0] as string });
          continue;
        }
        // a leader written loosely, with or without a title (王常华副市长: the title stays when no name was found verbatim)
        const title = titles.find((t) => piece.endsWith(t) && piece.length > t.length);
        const person = title ? piece.slice(0, -title.length) : piece;
        if (person.length >= 2 && person.length <= 4 && [...person].every(isHan)) {
          const asLeader = ctx.leaders.resolveHow(person);
          if (asLeader.names.length === 1) {
            const name = asLeader.names[0] as string;
            s.leaders.add(name);
            s.mentions.push({ written: person, kind: 'leader' });
            if (LOOSE.has(asLeader.how)) s.readAs.push({ written: person, as: name });
            continue;
          }
        }
        let split = false;
        for (let k = Math.min(piece.length - 1, 12); k >= 2 && !split; k -= 1) {
          const head = piece.slice(0, k);
          if (!UNIT_END.test(head)) continue;
          const found = ctx.units.resolve(head);
          if (found.length > 0) {
            for (const n of found) s.units.add(n);
            piece = stripEdges(piece.slice(k));
            split = true;
          }
        }
        if (!piece) continue;
        // what a verb leaves of a question tail (建了, 弄得, 办过) once 多少 and 咋样 are gone
        if (piece.length === 2 && /[了得过着]$/.test(piece)) continue;
        if (piece.length >= 3 && piece.length <= 8 && /(局|委|委员会|厅|办公室)$/.test(piece) && s.units.size === 0) {
          s.query.unresolved ??= piece;
          continue;
        }
        left.push(piece);
      }
      s.text = left.join(' ');
    },
  };
};

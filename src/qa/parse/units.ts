import type { ParseContext, ParsePass } from './state';

/**
 * What stands between an old name and the new one of the same unit: a pause, a filler, then words of renaming
 * (现在应该叫, 后来改名为, 现在合到, 也就是, 现在是); and what closes it (了, 那边).
 */
const RENAMED =
  /^[\s,，。、(（]*(?:现在|如今|目前|后来|已经|早就|早已|机构改革后|改革后)*(?:应该|好像|可能)?(?:改名为|改名叫|改名成|更名为|更名成|改名|更名|改为|改成|改叫|叫做|叫|称为|合到|合并到|并到|并入|划到|划归|整合到|也就是|就是|即|是)+[\s,，]*$/u;
const RENAMED_AFTER = /^[\s)）]*(?:了|啦|那边|那个)*/u;

/** Units found verbatim: full names, names without 市, aliases (工信局). Longest first, without overlaps; several make a union. */
export const createUnitsPass = (ctx: ParseContext): ParsePass => ({
  name: 'units',
  run(s) {
    const matches = ctx.units.scan(s.text);
    for (const m of matches) {
      // an old name whose successor the table lacks: 国土局（自然资源和规划局）, so the reply says which office it meant
      if (m.names.length === 0) s.query.unresolved ??= m.successor ? `${m.mention}（${m.successor}）` : m.mention;
      else if ((m.successor || m.bySound) && m.names.length === 1) s.readAs.push({ written: m.mention, as: m.names[0] as string });
      if (m.names.length > 1) s.ambiguous = m.names;
      for (const n of m.names) s.units.add(n);
      if (m.names.length > 0) s.mentions.push({ written: m.mention, kind: 'unit' });
    }
    // 卫计委，现在应该叫卫健委了; 工商局，现在合到市场监管局了: the words between two names of one unit name it again
    const spans = matches.map((m) => ({ start: m.start, end: m.end }));
    matches.forEach((m, i) => {
      const next = matches[i + 1];
      if (!next || m.names.length === 0 || m.names.join() !== next.names.join()) return;
      const between = s.text.slice(m.end, next.start);
      const after = RENAMED_AFTER.exec(s.text.slice(next.end))?.[0] ?? '';
      if (RENAMED.test(between)) spans.splice(spans.indexOf(spans[i] as (typeof spans)[number]), 2, { start: m.start, end: next.end + after.length });
    });
    // cut from the end so earlier offsets stay valid
    for (const m of [...spans].reverse()) s.text = `${s.text.slice(0, m.start)} ${s.text.slice(m.end)}`;
  },
});

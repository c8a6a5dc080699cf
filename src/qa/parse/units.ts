import type { ParseContext, ParsePass } from './state';

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
    // cut from the end so earlier offsets stay valid
    for (const m of [...matches].reverse()) s.text = `${s.text.slice(0, m.start)} ${s.text.slice(m.end)}`;
  },
});

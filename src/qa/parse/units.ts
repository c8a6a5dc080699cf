import type { ParseContext, ParsePass } from './state';

/** Units found verbatim: full names, names without 市, aliases (工信局). Longest first, without overlaps; several make a union. */
export const createUnitsPass = (ctx: ParseContext): ParsePass => ({
  name: 'units',
  run(s) {
    const matches = ctx.units.scan(s.text);
    for (const m of matches) {
      if (m.names.length === 0) s.query.unresolved ??= m.mention;
      if (m.names.length > 1) s.ambiguous = m.names;
      for (const n of m.names) s.units.add(n);
      if (m.names.length > 0) s.mentions.push({ written: m.mention, kind: 'unit' });
    }
    // cut from the end so earlier offsets stay valid
    for (const m of [...matches].reverse()) s.text = `${s.text.slice(0, m.start)} ${s.text.slice(m.end)}`;
  },
});

import { cut, normWord, type ParseContext, type ParsePass } from './state';

/** Leaders named as the table writes them (王昌华), all of them (聂元科和张鹏). Before units, whose short forms could sit inside a name. */
export const createLeadersPass = (ctx: ParseContext): ParsePass => {
  const norm = normWord(ctx.normalize);
  const names = ctx.leaders.names.map(norm).filter(Boolean);
  return {
    name: 'leaders',
    run(s) {
      for (const m of ctx.leaders.scan(s.text.replace(/\s+/g, ' '))) {
        if (m.names.length !== 1) continue;
        s.leaders.add(m.names[0] as string);
        s.mentions.push({ written: m.mention, kind: 'leader' });
        // a same-sound slip (聂元可) is cut as written, and the reply says whom it was read as
        if (m.bySound) {
          s.readAs.push({ written: m.mention, as: m.names[0] as string });
          s.text = cut(s.text, m.mention);
        }
      }
      for (const n of names) s.text = cut(s.text, n);
    },
  };
};

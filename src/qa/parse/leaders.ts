import { cut, normWord, type ParseContext, type ParsePass } from './state';

/** Leaders named as the table writes them (王昌华), all of them (聂元科和张鹏). Before units, whose short forms could sit inside a name. */
export const createLeadersPass = (ctx: ParseContext): ParsePass => {
  const norm = normWord(ctx.normalize);
  const names = ctx.leaders.names.map(norm).filter(Boolean);
  const titles = ctx.aliases.leaderTitles.map(norm).filter(Boolean);
  return {
    name: 'leaders',
    run(s) {
      const text = s.text.replace(/\s+/g, ' ');
      for (const m of ctx.leaders.scan(text)) {
        if (m.names.length !== 1) continue;
        s.leaders.add(m.names[0] as string);
        s.mentions.push({ written: m.mention, kind: 'leader' });
        // a same-sound slip (聂元可) is cut as written, and the reply says whom it was read as
        if (m.bySound) {
          s.readAs.push({ written: m.mention, as: m.names[0] as string });
          // …unless a title follows (李晓眉副区长): the leader-address pass reads the slip with its title as that one leader
          if (!titles.some((t) => text.startsWith(t, m.end))) s.text = cut(s.text, m.mention);
        }
      }
      for (const n of names) s.text = cut(s.text, n);
    },
  };
};

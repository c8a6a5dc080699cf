import type { Heard, Speaker, TextRewrite } from './rewrite';
import { longestFirst, type ParseContext } from './state';

/** Who the speaker is, after the name: 的秘书, 办公室的, 的小李, 的办公室主任, 上班的. */
const ROLE_WORD = '(?:秘书|司机|联络员|工作人员|办公室|综合科|科室|同志|干部|科长|副科长|处长|副处长|主任|副主任|局长|副局长|[小老][\\p{Script=Han}]|上班|工作|任职|当(?:秘书|联络员|司机|助理))';
const ROLE = `(?:的)?(?:${ROLE_WORD}(?:的)?){0,3}`;
/** Words for the speaker's own unit (我们局, 咱们单位, 本单位, 我们公司) and for the speaker's leader (领导, 我们领导). */
const OUR_UNIT = /(?:我们|咱们|咱|我)(?:局|委|单位|部门|办|处|科|中心|公司|集团|县|区|这边|这里)|本单位|本部门|(?:我们|咱们)(?!的?(?:领导|首长|老板))/gu;
const OUR_LEADER = /(?:我们|咱们)?(?:的)?(?:领导|首长|老板)/gu;

/**
 * A self-introduction (我是市科技局的, 我是王昌华副市长的秘书) says who is asking,
 * not what about: it is cut, and only a later 我们局 / 咱们 / 领导 refers to it,
 * written as the named unit or leader so the passes read it like any name.
 * Without such a word the introduction is context (我是卫健委的，问一下团市委的目标).
 */
export const createSpeakerRewrite = (ctx: ParseContext): TextRewrite => {
  const titles = longestFirst(ctx.normalize, ctx.aliases.leaderTitles).join('|');
  const intro = /我(?:是|在|给)(?:市里|这边)?/gu;
  const roleAfter = new RegExp(`^(?:${titles})?${ROLE}`, 'u');
  /** 我们局 and 领导 written as the speaker's unit or leader, the first one noted as read so */
  const refer = (text: string, heard: Heard, speaker: Speaker, name: string): string => {
    const said = new Set<string>();
    const as =
      (as: string, written: string) =>
      (w: string): string => {
        if (!said.has(as)) heard.readAs.push({ written: w, as });
        said.add(as);
        return ` ${written} `;
      };
    // 领导 of someone from a unit is the leader over that unit, when the table names one (Speaker.leader)
    const leader = speaker.kind === 'leader' ? speaker.name : speaker.leader;
    const t = leader ? text.replace(OUR_LEADER, as(leader, speaker.kind === 'leader' ? name : leader)) : text;
    return speaker.kind === 'unit' ? t.replace(OUR_UNIT, as(speaker.name, name)) : t;
  };
  return {
    name: 'speaker',
    rewrite(text, heard) {
      intro.lastIndex = 0;
      const m = intro.exec(text);
      // no introduction here: an earlier one (the conversation's) still says who 我们 are
      if (!m) return heard.speaker ? refer(text, heard, heard.speaker, heard.speaker.name) : text;
      const from = m.index + m[0].length;
      const after = text.slice(from);
      const leader = ctx.leaders.scan(after).find((x) => x.start === 0 && x.names.length === 1);
      const unit = leader ? undefined : ctx.units.scan(after).find((x) => x.start === 0);
      let name: string | undefined;
      let canonical: string | undefined;
      let kind: 'unit' | 'leader' | undefined;
      let end: number;
      if (leader || unit) {
        const found = (leader ?? unit) as { end: number; mention: string; names: string[] };
        name = found.mention;
        canonical = found.names.length === 1 ? found.names[0] : undefined;
        kind = leader ? 'leader' : 'unit';
        end = found.end + (roleAfter.exec(after.slice(found.end))?.[0].length ?? 0);
      } else if (m[0].includes('给')) {
        // 我给…当秘书 names the table's leader or unit; 我给你说 introduces nobody
        return heard.speaker ? refer(text, heard, heard.speaker, heard.speaker.name) : text;
      } else {
        // an introduction naming something the table lacks (我是发改委的) keeps the name, so 我们委 still finds nothing
        const own = /^([\p{Script=Han}]{2,12}?)的/u.exec(after);
        if (!own?.[1]) return heard.speaker ? refer(text, heard, heard.speaker, heard.speaker.name) : text;
        name = own[1];
        // a short or unusual name the scan does not anchor (妇联, 市工信局) may still be one of the table's units
        const resolved = ctx.units.resolve(name);
        if (resolved.length === 1) canonical = resolved[0];
        kind = canonical || /(?:局|委|办|部|中心|单位|公司|集团|政府)$/u.test(name) ? 'unit' : undefined;
        end = own[0].length + (roleAfter.exec(after.slice(own[0].length))?.[0].length ?? 0);
      }
      const rest = `${text.slice(0, m.index)} ${after.slice(end)}`;
      if (!kind || !name) return rest;
      const over = kind === 'unit' && canonical ? ctx.leaderOf?.(canonical) : undefined;
      heard.speaker = { kind, name: canonical ?? name, ...(over ? { leader: over } : {}) };
      heard.introduced = true;
      return refer(rest, heard, heard.speaker, name);
    },
  };
};

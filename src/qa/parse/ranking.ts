import { cut, longestFirst, type ParseContext, type ParsePass } from './state';

/**
 * Statistics by unit or leader, ranked: 哪个单位滞后最多, 按领导统计, 各单位进度排名.
 * After status words, because 滞后最多 ranks by lagging targets rather than
 * filtering to them; 最多 alone (哪位领导分管的最多) ranks by how many targets.
 */
export const createRankingPass = (ctx: ParseContext): ParsePass => {
  const byUnit = longestFirst(ctx.normalize, ctx.aliases.rankings.byUnit);
  const byLeader = longestFirst(ctx.normalize, ctx.aliases.rankings.byLeader);
  const orderWords = longestFirst(ctx.normalize, ctx.aliases.rankings.order);
  // leaders asked about as a group by any title, of any level (各位副市长, 每个市领导, 每位县领导, 副区长们, 副县长分别): a unit head's title is not a leader's
  const titles = longestFirst(ctx.normalize, ctx.aliases.leaderTitles)
    .filter((t) => !/局长|同志/u.test(t))
    .join('|');
  const leaderGroup = titles ? new RegExp(`(?:各位|各个|每一位|每位|每个|各|按|分)(?:[市县区镇乡](?:政府)?)?(?:${titles})|(?:${titles})(?:们|(?=分别|各自|各有))`, 'u') : undefined;
  return {
    name: 'ranking',
    run(s) {
      // 按月份分一下类, 按时间节点各有几条: the table's deadlines compared, in time order; the deadlines named are its groups
      if (s.cues.byDeadline && (s.count || s.stats || s.cues.looseStats || /[类组]/u.test(s.compact))) {
        s.query.rank = { by: 'deadline', order: 'total' };
        s.stats = true;
        return;
      }
      const unitWord = byUnit.find((w) => s.text.includes(w));
      const groupWord = leaderGroup?.exec(s.text)?.[0];
      const leaderWord = groupWord ?? byLeader.find((w) => s.text.includes(w));
      const ordered = orderWords.some((w) => s.compact.includes(w));
      if (!unitWord && !leaderWord) return;
      // 哪个单位滞后 asks for the lagging targets (their units are on every line); 各单位滞后情况,
      // 哪个单位滞后最多 and 按领导统计 compare the groups
      const grouped = Boolean(groupWord && !unitWord) || /^[各按每分]/.test(unitWord ?? leaderWord ?? '');
      // 各位领导分别分管多少条, 各单位完成情况: a count or the state per group is a comparison too
      if (!ordered && !s.stats && !(grouped && (s.query.status || s.count || s.cues.looseStats))) return;
      const by = unitWord && leaderWord ? (s.text.indexOf(unitWord) < s.text.indexOf(leaderWord) ? 'unit' : 'leader') : unitWord ? 'unit' : 'leader';
      const most = /最多|最少/.test(s.compact);
      const order = s.query.status === 'lagging' ? 'lagging' : most ? 'total' : 'rate';
      if (s.query.status === 'lagging') delete s.query.status;
      s.query.rank = { by, order };
      s.stats = true;
      for (const w of [...(groupWord ? [groupWord] : []), ...byUnit, ...byLeader, ...orderWords]) s.text = cut(s.text, w);
    },
  };
};

import { cut, fillerWords, longestFirst, type ParseContext, type ParsePass } from './state';

/**
 * Help: /help, /start, and words asking how to use the bot. Runs first, because
 * 怎么用 alone asks for help, while 怎么查卫健委的目标 asks about 卫健委: the help
 * word is then only cut, and the rest of the question is read as usual.
 */
const HELP_SURROUNDINGS = '些都能可以我你他该应要比较好才呢吗啊呀吧么这那个下请教问题些还';

/** Asking what something on the screen means: 是什么意思, 代表什么, 怎么理解, 有什么区别. */
const MEANING = /什么意思|啥意思|代表什么|代表啥|怎么理解|如何理解|什么区别|啥区别|指的是什么|是指什么|指什么|写的是什么|是什么内容|含义/u;
/** What a reply and a table show, asked about by name: columns, marks, colours. */
const SHOWN = [
  '是否按计划完成进度',
  '是否按计划',
  '责任目标内容',
  '责任目标',
  '完成时限',
  '完成情况',
  '推进情况',
  '进度评价',
  '责任单位',
  '牵头单位',
  '配合单位',
  '市政府领导',
  '县政府领导',
  '区政府领导',
  '责任领导',
  '分管领导',
  '序号',
  '备注',
  '这一栏',
  '那一栏',
  '这一列',
  '那一列',
  '这两列',
  '两列',
  '一栏',
  '一列',
  '栏目',
  '字段',
  '表头',
  '各列',
  '每一列',
  '红黄绿灯',
  '红绿灯',
  '红色',
  '绿色',
  '黄色',
  '颜色',
  '图标',
  '符号',
  '打勾',
  '打叉',
  '对勾',
  '小圆点',
  '圆点',
  '灯',
];
/**
 * Asking what the bot can be asked: a modal (能, 可以, 会) and a verb of asking (问, 查, 干) before a
 * what-word, whoever the subject: 你能干嘛, 都能查些什么, 我能问你些什么问题.
 */
const CAN_ASK = /(?:能|可以|会)[都还]?(?:帮|给|替|为)?(?:我|我们|咱们|人)?(?:问|查|干|做|搜|找|回答)(?:你|些|点|出|到|得到)*(?:什么|啥|嘛|哪些|哪方面)/u;
/**
 * Asking how to ask: a word of manner before a verb of asking (怎么按分管领导查, 如何按单位搜), where
 * what stands between only names a kind of thing (a column), not a value of the table.
 */
const HOW_ASK = /(?:怎么|怎样|如何|咋)样?(.{0,10}?)(?:询问|查|问|搜|找|提问|说)/u;
/** what may stand between 怎么 and 查 in a question about asking: 按 and the name of a column or kind */
const KIND_OF_THING =
  /按照|按|根据|通过|用|以|分管领导|责任领导|责任单位|牵头单位|配合单位|单位|部门|领导|完成时限|截止时间|时限|时间|月份|序号|编号|状态|进度|关键词|关键字|名称|名字|板块|部分|类别|灯|颜色|来|去|的|才|(?:向|跟|对|和|给)?(?:您|你)/gu;
/**
 * An example inside a question about asking (能不能按时间查，比如年底要干完的活，要怎么说): what follows 比如 up to the
 * next stop shows the kind of thing, it is not a question of its own.
 */
const EXAMPLE = /(?:比如说?|例如|譬如|像是?)[^，。？！,.?!；;]*/gu;
/**
 * Which words to use when asking (问你的时候要用新名字还是老名字, 写全称还是简称): a question about the input,
 * whatever names it mentions.
 */
const WHICH_WORDS = /(?:用|写|说|输入?|打)[^，。？！,.?!]{0,4}(?:名字|名称|称呼|叫法|全称|简称|说法)还是/u;
/** Asking about the input itself: 要怎么输入, 输入什么命令, 命令是什么 (not 外防输入, which is a topic). */
const INPUT_ASKED = /(?:怎么|如何|怎样|咋|什么|啥)样?(?:输入|打字|命令|指令|格式)|(?:输入|打|发)(?:什么|啥|哪些)|(?:命令|指令|格式)(?:是什么|是啥|有哪些|怎么)/u;

/** The words of a question about asking (CAN_ASK, HOW_ASK), or undefined. */
const askingAbout = (compact: string): string | undefined => {
  const can = CAN_ASK.exec(compact);
  if (can) return can[0];
  const how = HOW_ASK.exec(compact);
  if (how && (how[1] ?? '').replace(KIND_OF_THING, '') === '') return how[0];
  return undefined;
};

/** Words about the bot itself and the asker, around a request for help: 这个机器人, 我刚来. */
const ABOUT = [
  '机器人',
  '工具',
  '系统',
  '助手',
  '小程序',
  '这个',
  '我刚来',
  '刚来',
  '新来的',
  '新人',
  '刚接手',
  '第一次',
  '头一回',
  '求教',
  '请教',
  '告诉我',
  '说明',
  '不太懂',
  '不懂',
  '不会',
  '应该',
  '问题',
  '分别',
  '为什么',
  '可以',
  '能不能',
  '按',
];

export const createHelpPass = (ctx: ParseContext): ParsePass => {
  const helpWords = longestFirst(ctx.normalize, ctx.aliases.help);
  const fillers = fillerWords(ctx);
  const around = longestFirst(ctx.normalize, [...ctx.aliases.speech.framing, ...ctx.aliases.speech.context, ...ABOUT]);
  const shown = longestFirst(ctx.normalize, SHOWN);
  const asks = longestFirst(ctx.normalize, [
    ...ctx.aliases.status.lagging,
    ...ctx.aliases.status.onSchedule,
    ...Object.values(ctx.aliases.lights).flat(),
    ...ctx.aliases.deadlines.yearEnd,
    ...ctx.aliases.stats,
  ]);
  // built on the first help-like question only: a table's words are many
  let tableWords: string[] | undefined;
  /** whether what is left names anything of the table: a unit, a leader, a filter word or a word of its texts */
  const asksAboutTable = (rest: string): boolean => {
    if (ctx.units.scan(rest).some((m) => m.names.length > 0) || ctx.leaders.scan(rest).length > 0) return true;
    if (asks.some((w) => rest.includes(w)) || /\d/.test(rest)) return true;
    tableWords ??= [...new Set([...(ctx.tableWords?.() ?? [])].filter((w) => w.length >= 2))];
    return tableWords.some((w) => rest.includes(w));
  };
  /**
   * A help word inside a unit's name (示范 of 示范区, a 城乡一体化示范区管委会 of the table) asks for no help: the word
   * with up to three characters around it, ending like an office or a zone, names one of the table's units.
   */
  const inUnitName = (compact: string, word: string): boolean => {
    const at = compact.indexOf(word);
    for (let before = 0; before <= Math.min(3, at); before += 1) {
      for (let after = 0; after <= 3; after += 1) {
        const form = compact.slice(at - before, at + word.length + after);
        if (!/[区局委办会]$/u.test(form) || form.length < 3) continue;
        if (['exact', 'alias', 'inOrder'].includes(ctx.units.resolveHow(form).how)) return true;
      }
    }
    return false;
  };
  return {
    name: 'help',
    run(s) {
      if (/^\/(help|start)\b/.test(s.text)) {
        s.query = { kind: 'help' };
        s.done = true;
        return;
      }
      // 查滞后的要输入什么命令: a question about the input is help whatever it names
      if (INPUT_ASKED.test(s.compact) || WHICH_WORDS.test(s.compact)) {
        s.query = { kind: 'help' };
        s.done = true;
        return;
      }
      const meaning = MEANING.test(s.compact) && shown.some((w) => s.compact.includes(w));
      const helpWord = helpWords.find((w) => s.compact.includes(w) && !inUnitName(s.compact, w)) ?? askingAbout(s.compact);
      if (!helpWord && !meaning) return;
      if (meaning) {
        // 完成时限那一列怎么理解, 红色和绿色分别代表什么意思: what the screen shows, explained by the help
        let left = s.compact;
        for (const w of [...shown, ...helpWords, ...around]) left = cut(left, w);
        if (!asksAboutTable(left.replace(/\s+/g, ''))) {
          s.query = { kind: 'help' };
          s.done = true;
          return;
        }
      }
      if (!helpWord) return;
      // a spoken request may ask twice (能干什么，我该怎么问): every help word is cut before the rest is judged
      // an example (比如年底的) stands for a kind of thing only when the question asks how to ask
      let rest = helpWords.includes(helpWord) ? s.compact : s.compact.replace(EXAMPLE, ' ');
      for (const w of [...helpWords, helpWord]) rest = cut(rest, w);
      for (const f of fillers.multi) rest = cut(rest, f);
      rest = [...rest.replace(/\s+/g, '')].filter((ch) => !fillers.single.has(ch)).join('');
      // what may surround a help word without asking about anything: 能问些什么, 怎么提问比较好, 教我怎么用
      // …or nothing the table knows is left once the words about the bot and the asker are gone (这个机器人怎么用啊, 我刚来)
      let bare = rest;
      for (const w of around) bare = cut(bare, w);
      bare = bare.replace(/\s+/g, '');
      if (rest.length <= 1 || [...rest].every((ch) => HELP_SURROUNDINGS.includes(ch)) || !asksAboutTable(bare)) {
        s.query = { kind: 'help' };
        s.done = true;
        return;
      }
      s.text = cut(s.text, helpWord);
    },
  };
};

import type { ParseContext, ParsePass } from './state';

/** 原 (former) and its level right before a unit's name: 原来的安监局, 原市安全生产监督管理局, 以前的农业局 */
const FORMER_BEFORE = /(?:原来的|原来|以前的|过去的|原)([市县区])?$/u;

/**
 * Words that say a unit was renamed or merged (国税局和地税局合并以后, 现在改成工信局了, 现在叫农业农村局的那个):
 * the reform's own vocabulary (合并 = merged, 改成/更名 = renamed, 归谁 = went to whom), not any table's words.
 */
const RENAMING = ['合并以后', '合并之后', '合并后', '合并的', '合并', '现在改成', '现在改名', '现在叫', '改名为', '改名', '改成', '改为', '更名为', '更名', '归谁', '以前叫', '原来叫'];

/**
 * People name a unit by its old name and say so: 原来的卫计委, 原市安全生产监督管理局, 工商局、食药监局合并那个单位.
 * The marker and the talk of renaming speak about the name, not about a topic or another place, so they go
 * once the sentence names a unit (old names resolve through data/successions.json in the units pass). Before
 * the place pass: 原来的 before a unit is no city (临汾的科技局 is), 原市 no 下原市.
 */
export const createFormerNamesPass = (ctx: ParseContext): ParsePass => ({
  name: 'former names',
  run(s) {
    const matches = ctx.units.scan(s.text).filter((m) => m.names.length > 0);
    if (matches.length === 0) return;
    // from the end so earlier offsets stay valid
    for (const m of [...matches].reverse()) {
      const former = FORMER_BEFORE.exec(s.text.slice(0, m.start));
      if (former) s.text = `${s.text.slice(0, m.start - former[0].length)} ${s.text.slice(m.start)}`;
    }
    for (const w of RENAMING) s.text = s.text.split(w).join(' ');
  },
});

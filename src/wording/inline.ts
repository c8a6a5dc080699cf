/** Inline mode's result cards (`@bot 工信局` in any chat); plain text, the caller shortens. */
export const INLINE_WORDS = Object.freeze({
  /** 57 🔴 推进5G基站建设 */
  title: (id: string, mark: string, text: string) => `${id} ${mark} ${text}`,
  /** 市工业和信息化局、市科技局 · 年底 */
  description: (units: string[], deadline: string) => `${units.join('、')} · ${deadline}`,
  stats: '总体进度统计',
  help: '使用帮助',
});

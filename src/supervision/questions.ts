/**
 * Questions about replies (反馈), read before the question engine: 57号的反馈, 第57项反馈了吗
 * (one target), 哪些单位还没反馈 (the units still owing), 工信局反馈了吗 (one unit; the caller
 * resolves the unit with the engine). Anything else is left to the engine.
 */
export type FeedbackQuestion = { kind: 'target'; id: string } | { kind: 'missing' } | { kind: 'unit'; mention: string };

const TARGET = /(?:第\s*)?(\d{1,4})\s*(?:号|项)/;
const MISSING = /(?:哪些|哪个|哪几个|什么)(?:单位|部门)?.*(?:还没|没有|未|没)(?:有)?反馈|(?:还没|没有|未)反馈的(?:单位|部门)/;
const UNIT_ASKED = /^(.+?)(?:的)?(?:有没有|是否|反馈了?(?:吗|没有?|么)|反馈情况|的反馈)/;

export const parseFeedbackQuestion = (text: string): FeedbackQuestion | undefined => {
  const t = text.replace(/\s+/g, '').replace(/[？?。！!]+$/u, '');
  if (!/反馈/.test(t) || t.length > 40) return undefined;
  const target = TARGET.exec(t);
  if (target) return { kind: 'target', id: target[1]! };
  if (MISSING.test(t)) return { kind: 'missing' };
  const unit = UNIT_ASKED.exec(t);
  if (unit && unit[1]!.length >= 2) return { kind: 'unit', mention: unit[1]! };
  return undefined;
};

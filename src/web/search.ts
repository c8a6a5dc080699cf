import type { AnswerKind } from '../qa/answer';
import type { Engine } from '../qa/engine';
import { renderAnswer } from '../view';

/**
 * The page's search box asks the chat's question engine, so `工信局滞后的` typed there gives
 * the targets the chat gives. The page gets the 序号 in the engine's order and the first line
 * of the chat's reply (what the engine understood, e.g. 市工业和信息化局 · 滞后 · 1 项).
 */
export interface SearchResult {
  kind: AnswerKind;
  /** 序号 in the answer's order; empty for 统计 and help, which are not lists */
  ids: string[];
  /** the chat's reply's first line, plain text */
  summary: string;
}

export const searchReport = (engine: Engine, question: string, maxChars: number): SearchResult => {
  const answer = engine.ask(Array.from(question).slice(0, maxChars).join(''));
  const summary = renderAnswer(answer, { format: 'plain', pageSize: 1 }).text.split('\n')[0] ?? '';
  return { kind: answer.kind, ids: answer.hits.map((h) => h.target.id), summary };
};

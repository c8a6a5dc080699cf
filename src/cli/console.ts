import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answer } from '../qa/answer';
import type { Engine } from '../qa/engine';
import { renderAnswer } from '../view/render-answer';
import { CONSOLE_WORDS as W } from '../wording/console';

/** Words that turn the page of the previous answer instead of asking a new question. */
const NEXT = new Set(['n', '下一页', '下页', '更多']);
const PREV = new Set(['p', '上一页', '上页']);

export interface ConsoleOptions {
  /** the engine over the current report, read per question (as the bot does), so a table imported meanwhile answers at once */
  engine: () => Engine;
  input: Readable;
  output: Writable;
  /** targets per page, as in the bot */
  pageSize?: number;
}

/**
 * A local chat on the same engine and views as the bot, for use without a
 * Telegram token. On a terminal it shows a prompt; when piped it answers line
 * by line (one reply per question, separated by a blank line). `n` / `下一页`
 * and `p` / `上一页` page through the last list. Resolves when input ends.
 */
export const runConsole = async ({ engine, input, output, pageSize }: ConsoleOptions): Promise<void> => {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY && (output as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, ...(interactive ? { output, prompt: W.prompt } : {}), crlfDelay: Infinity, terminal: interactive });
  let last: { answer: Answer; page: number; pages: number } | undefined;
  const show = (answer: Answer, page: number): void => {
    const r = renderAnswer(answer, { format: 'plain', page, ...(pageSize ? { pageSize } : {}) });
    last = { answer, page: r.page, pages: r.pages };
    output.write(`${r.text}\n${r.pages > 1 ? `${W.pageHint}\n` : ''}\n`);
  };
  if (interactive) rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit' || line === '退出') break;
    if (line) {
      try {
        if (last && NEXT.has(line.toLowerCase())) show(last.answer, Math.min(last.page + 1, last.pages));
        else if (last && PREV.has(line.toLowerCase())) show(last.answer, Math.max(1, last.page - 1));
        else show(engine().ask(line), 1);
      } catch (error) {
        // one bad question must not end the session
        output.write(`${W.failed(error instanceof Error ? error.message : String(error))}\n\n`);
      }
    }
    if (interactive) rl.prompt();
  }
  rl.close();
};

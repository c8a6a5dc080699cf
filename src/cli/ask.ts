/**
 * `npm run ask -- "市科技局的目标"` prints the reply as plain text (the same
 * content the bot sends). `npm run --silent ask -- --json` reads one question
 * a line on stdin and writes one JSON object a line:
 * {"q","kind","ids","text","ms"}, where ms is the time to answer that one
 * question without start-up. Nothing else goes to stdout.
 * `--data FILE` answers from a table file instead of the store.
 */
import { existsSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import { createInterface } from 'node:readline';
import { createConfig, type Config } from '../config';
import { buildCore, type Core } from '../core';
import type { Report } from '../model';
import { idsOf } from '../qa/answer';
import type { Engine } from '../qa/engine';
import { renderAnswer } from '../view/render-answer';
import { CONSOLE_WORDS as W } from '../wording/console';
import { explainError, UsageError } from './explain-error';

interface AskArgs {
  json: boolean;
  data?: string;
  question: string;
}

export const parseAskArgs = (argv: string[]): AskArgs => {
  const args: AskArgs = { json: false, question: '' };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] as string;
    if (a === '--json') args.json = true;
    else if (a === '--data') {
      const file = argv[i + 1];
      if (!file) throw new UsageError(`${W.askNeedsTable}\n${W.askUsage}`);
      args.data = file;
      i += 1;
    } else if (a.startsWith('--data=')) args.data = a.slice('--data='.length);
    else if (a === '--help' || a === '-h') throw new UsageError(W.askUsage);
    else words.push(a);
  }
  args.question = words.join(' ');
  if (!args.json && !args.question.trim()) throw new UsageError(W.askUsage);
  return args;
};

/**
 * The report to answer from and the history 变化 questions compare (oldest
 * first, ending with the report): the table given with --data (a history of
 * one, read with the column mappings the store remembers), else the store's
 * current report and every stored report (DB_PATH or DATABASE_URL, as for
 * `npm start`), else the seed table DATA_FILE (a fresh checkout has no store yet).
 */
export const loadReports = async (core: Core, config: Pick<Config, 'dbPath' | 'databaseUrl' | 'dataFile'>, data: string | undefined): Promise<{ report: Report; history: readonly Report[] }> => {
  const single = (report: Report): { report: Report; history: readonly Report[] } => ({ report, history: [report] });
  const snapshot = config.databaseUrl || existsSync(config.dbPath) ? await core.readStore() : undefined;
  try {
    if (data) return single(await core.readTable(data, snapshot?.settings));
    const current = snapshot?.history.at(-1);
    if (snapshot && current) return { report: current, history: snapshot.history };
    return single(await core.readTable(config.dataFile));
  } finally {
    await snapshot?.close();
  }
};

export const answerJson = (engine: Engine, q: string): string => {
  const started = process.hrtime.bigint();
  try {
    const answer = engine.ask(q);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const { text } = renderAnswer(answer, { format: 'plain' });
    return JSON.stringify({ q, kind: answer.kind, ids: idsOf(answer), text, ms: Math.round(ms * 1000) / 1000 });
  } catch (error) {
    // one failing question must not shift every later answer out of step with its question
    process.stderr.write(`ask: question ${JSON.stringify(q)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return JSON.stringify({ q, kind: 'none', ids: [], text: W.askFailed, ms: Math.round(ms * 1000) / 1000 });
  }
};

const main = async (): Promise<void> => {
  const args = parseAskArgs(process.argv.slice(2));
  // DB_PATH may come from .env, as for `npm start`; quiet, because stdout carries only answers
  loadDotenv({ quiet: true });
  const config = createConfig(process.env);
  const core = buildCore(config);
  const { report, history } = await loadReports(core, config, args.data);
  const engine = core.engineFor(report, history);
  if (!args.json) {
    process.stdout.write(`${renderAnswer(engine.ask(args.question), { format: 'plain' }).text}\n`);
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    // one object per input line, blank lines included, so answers stay in step with questions
    process.stdout.write(`${answerJson(engine, line.replace(/\r$/, ''))}\n`);
  }
};

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof UsageError ? error.message : explainError(error)}\n`);
    // the details are for whoever debugs, in English, only when asked for
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}

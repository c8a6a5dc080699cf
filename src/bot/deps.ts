import type { Logger } from '../logger';
import type { Report, Target } from '../model';
import type { Assessment } from '../progress/light';
import type { Answer } from '../qa/answer';
import type { TableExamples } from '../qa/examples';
import type { CommandKind } from '../qa/commands';
import type { Conversation, Understood } from '../qa/follow-up';
import type { Conversations } from './conversations';
import { VIEW_DEFAULTS, type RenderedPage, type RenderOptions } from '../view';
import type { Transport } from './transport';
import type { QueryCache } from './query-cache';

/**
 * What the bot's features need, passed in by the composition root (src/app.ts, run by src/main.ts).
 * Features never import the store, the engine or config themselves.
 */

/** The kinds `askAs` accepts: what each slash command asks for. */
export type AskKind = CommandKind;

/** The question engine as the bot uses it (src/qa/engine.ts satisfies this). */
export interface QaEngine {
  readonly report: Report;
  ask(question: string): Answer;
  /** `arg` is '' for kinds without one (lagging, stats, help) */
  askAs(kind: AskKind, arg: string): Answer;
  /** a message of a conversation: a follow-up is read with what the conversation said before */
  converse(question: string, conversation?: Conversation): { answer: Answer; conversation: Conversation };
  /** what an answer was asked as, for the conversation to keep */
  understood(answer: Answer): Understood | undefined;
  /** the table's names and numbers for the welcome and usage hints */
  examples(): TableExamples;
}

/** The views of src/view/ (shared with `npm run ask`, so the bot carries the same content). */
export interface AnswerView {
  renderAnswer(answer: Answer, options: RenderOptions): RenderedPage;
  renderTarget(target: Target, format: 'plain' | 'html', assessment?: Assessment): string;
}

export interface BotDeps {
  /**
   * The engine over the *current* report. A function, not a value: an import
   * of a new table builds a new engine and src/app.ts swaps it in; features must not keep one.
   */
  engine: () => QaEngine;
  view: AnswerView;
  logger: Logger;
  transport: Transport;
  /** the questions behind page buttons that cannot describe themselves (in the store, shared by replicas) */
  queries: QueryCache;
  /** what each conversation said last (in the store, shared by replicas), so a follow-up reads as one */
  conversations: Conversations;
  access: { adminIds: readonly number[]; allowedChatIds: readonly number[] };
  settings: BotSettings;
  /** a line under one target's detail (/item 57): its unit's latest reply (反馈), HTML; none when absent */
  targetNote?: (targetId: string) => Promise<string | undefined>;
  /** called when a chat answers 403 (blocked/kicked); the alerts store marks it inactive */
  onChatBlocked?: (chatId: number) => void;
}

export interface BotSettings {
  /** targets per message page (the views are told the same number) */
  pageSize: number;
  /** results per inline answer; Telegram allows at most 50 */
  inlinePageSize: number;
  /** how long Telegram may cache inline answers, seconds (data changes on import) */
  inlineCacheSeconds: number;
  /** longer questions are cut: real ones are short, and the engine's fuzzy parts cost per character */
  maxQuestionChars: number;
}

/** Defaults in one frozen object, merged once by createBot. */
export const BOT_DEFAULTS: Readonly<BotSettings> = Object.freeze({
  pageSize: VIEW_DEFAULTS.pageSize,
  inlinePageSize: 50,
  inlineCacheSeconds: 60,
  maxQuestionChars: 300,
});

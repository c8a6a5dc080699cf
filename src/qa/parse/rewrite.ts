import type { ReadAs } from '../answer';

/**
 * What the rewrites of a dictated question changed, for the reply's
 * 按“…”理解 line: a word read as another (我们局 → 市科技局, 七十六 → 76) and
 * what a correction set aside (不是聂元科).
 */
export interface Heard {
  readAs: ReadAs[];
  dropped: string[];
  /**
   * Who is speaking: given by the conversation (an introduction in an earlier
   * message) and replaced by an introduction in this one, so 我们局 reads as
   * the named unit in every later message.
   */
  speaker?: Speaker;
  /** the speaker was introduced in this very question (我是市科技局的) */
  introduced?: boolean;
}

/** The unit or leader a speaker introduced themselves by (我是市科技局的, 我给聂元科副市长当秘书): the table's name when it has one. */
export interface Speaker {
  kind: 'unit' | 'leader';
  name: string;
  /** for a unit: the one leader the table puts over it, whom its staff call 领导 */
  leader?: string;
}

/**
 * One rewrite of the question as spoken into the question as meant, run on the
 * normalised text before the passes: speech around the question, a
 * self-introduction, a correction, numbers said in words. Rewrites see the
 * punctuation (a pause written as ，), which the passes no longer do.
 */
export interface TextRewrite {
  name: string;
  rewrite(text: string, heard: Heard): string;
}

/** Runs the rewrites in order and returns the text the passes will read. */
export const applyRewrites = (rewrites: readonly TextRewrite[], text: string, heard: Heard): string => rewrites.reduce((t, r) => r.rewrite(t, heard), text);

/** Pauses and ends of a clause as dictation writes them (half-width after normalising). */
export const PAUSE = '[,，。.!！?？;；:：\\s~～…]';

import type { Query } from './answer';
import { createDeadlinePass } from './parse/deadline';
import { createExceptPass } from './parse/except';
import { createFillersPass } from './parse/fillers';
import { createFormerNamesPass } from './parse/former-names';
import { createHelpPass } from './parse/help';
import { createInitialsPass } from './parse/initials';
import { createHistoryPass } from './parse/history';
import { createKindPass, kindCuesOf, type KindCues } from './parse/kind';
import { createLeadersPass } from './parse/leaders';
import { createLightsPass } from './parse/lights';
import { createLooseNamesPass } from './parse/loose-names';
import { createNumbersPass } from './parse/numbers';
import { createReportWordsPass } from './parse/report-words';
import { createPendingRolePass, createRolePass } from './parse/role';
import { createScopeWordsPass } from './parse/scope-words';
import { createCorrectionsRewrite } from './parse/corrections';
import { createTakeBackRewrite } from './parse/take-back';
import { createPointerPass } from './parse/pointer';
import { applyRewrites, type Heard, type Speaker, type TextRewrite } from './parse/rewrite';
import { createSpeakerRewrite } from './parse/speaker';
import { createLookalikesRewrite } from './parse/lookalikes';
import { createSpacedRewrite } from './parse/spaced';
import { createPinyinRewrite, soundsFor } from './parse/pinyin';
import { createSpeechRewrite } from './parse/speech';
import { createSpokenNumbersRewrite } from './parse/spoken-numbers';
import { createTogetherPass } from './parse/together';
import { createJoinsPass } from './parse/joins';
import { createLeaderAddressPass } from './parse/leader-address';
import { createOwnUnitPass } from './parse/own-unit';
import { createPlacePass } from './parse/place';
import { createRankingPass } from './parse/ranking';
import { startState, tableWrites, type ParseContext, type ParsePass, type Pointer } from './parse/state';
import { createNegatedTopicPass, createNegationLeftPass } from './parse/negation';
import { createSectionsPass } from './parse/sections';
import { createStatusPass } from './parse/status';
import { createTopicPass } from './parse/topic';
import { createUnitsPass } from './parse/units';
import { createUnitGroupsPass } from './parse/unit-groups';
import { createSharesPass } from './parse/shares';

export { toNumber } from './parse/numbers';
export type { ParseContext, ParsePass, ParseState } from './parse/state';
export type { Pointer } from './parse/state';
export type { Speaker } from './parse/rewrite';

/** The parse of one question: the public Query plus what the search step needs. */
export interface ParsedQuestion {
  query: Query;
  /** search words, each with its synonyms (托儿所 | 托育) */
  groups: string[][];
  /** the contiguous pieces of the question left for searching, for whole-phrase ranking */
  phrases: string[];
  /** a unit mention resolved to several units */
  ambiguous?: string[];
  /** a title that fits several leaders (王市长 with two 王) */
  ambiguousLeaders?: string[];
  /** where the question points into the conversation's last list (第三个, 这些) */
  pointer?: Pointer;
  /** who is speaking: introduced in this question, or given by the conversation */
  speaker?: Speaker;
  /** the speaker introduced themselves in this question (我是市科技局的) */
  introduced?: boolean;
  /** a count was asked (有几项), with or without a filter */
  count?: boolean;
  /** the question normalised, before any rewrite: what a follow-up's cues are read from */
  said?: string;
  /** how the question asked (a total, figures, a list): the engine decides the kind again with them when its words name nothing */
  cues?: KindCues;
}

/** What a question is read with besides its words: who is speaking, from an earlier message of the conversation. */
export interface ParseOptions {
  speaker?: Speaker;
}

export interface QuestionParser {
  parse(question: string, options?: ParseOptions): ParsedQuestion;
  /** the normalised question with markup and punctuation turned into spaces */
  clean(question: string): string;
  /** the passes in the order they run, for tests and traces */
  passes: readonly ParsePass[];
  /** the rewrites of a dictated question, run before the passes */
  rewrites: readonly TextRewrite[];
  /** a piece the table does not have read as the table's words of the same sound (东明时化 → 东明石化), see Sounds */
  soundAlike(piece: string): string | undefined;
}

/**
 * The passes in order. Order matters: commands and numbers first, then words
 * with a fixed meaning (status, deadline), then names found verbatim (leaders,
 * units, aliases), then filler words, and only what is left is resolved
 * loosely (in-order characters, fuzzy) or searched. A new kind of question
 * is a new pass in this list.
 */
export const createPasses = (ctx: ParseContext, clean: (text: string) => string): ParsePass[] => [
  createHelpPass(ctx),
  createHistoryPass(ctx),
  createSectionsPass(ctx),
  createPointerPass(),
  createNumbersPass(clean, tableWrites(ctx)),
  createScopeWordsPass(ctx),
  createLightsPass(ctx),
  createStatusPass(ctx),
  createRankingPass(ctx),
  createDeadlinePass(ctx),
  createFormerNamesPass(ctx),
  createPlacePass(ctx),
  createReportWordsPass(ctx),
  createOwnUnitPass(),
  createExceptPass(ctx),
  createLeadersPass(ctx),
  createLeaderAddressPass(ctx),
  createUnitsPass(ctx),
  createUnitGroupsPass(ctx),
  createTogetherPass(ctx),
  createRolePass(),
  createSharesPass(),
  createFillersPass(ctx),
  createInitialsPass(ctx),
  createLooseNamesPass(ctx),
  createPendingRolePass(),
  createJoinsPass(),
  createNegatedTopicPass(ctx),
  createNegationLeftPass(),
  createTopicPass(ctx),
  createKindPass(),
];

/**
 * The rewrites of a dictated question, in order: full pinyin written as the words it spells, characters typed apart joined
 * first (科 技 局) and lookalike slips mended (己完成), so every later rewrite sees
 * whole known words; then a value taken back (不对, 我说错了: before speech, which cuts those words
 * as filler), then speech around it (so a
 * greeting is not read as an introduction), then who is speaking, then
 * corrections (不是A是B), and numbers last, once only the meant numbers are left.
 */
export const createRewrites = (ctx: ParseContext): TextRewrite[] => [
  createPinyinRewrite(ctx),
  createSpacedRewrite(),
  createLookalikesRewrite(ctx),
  createTakeBackRewrite(ctx),
  createSpeechRewrite(ctx),
  createSpeakerRewrite(ctx),
  createCorrectionsRewrite(ctx),
  createSpokenNumbersRewrite(ctx),
];

/**
 * Turns a question into a typed query by running it through the passes
 * (see createPasses). Everything the passes learn from the report is built
 * here, once per report.
 */
export const createQuestionParser = (ctx: ParseContext): QuestionParser => {
  const { normalize } = ctx;
  const rewrites = createRewrites(ctx);

  /** an already normalised text with markup and punctuation turned into spaces */
  const tidy = (text: string): string =>
    text
      .replace(/<[^>]*>/g, ' ')
      .replace(/&[a-z]+;|&#\d+;/g, ' ')
      // keep letters, digits, # / . (pm2.5, /item); everything else separates words
      .replace(/[^\p{L}\p{N}#/.]+/gu, ' ')
      .replace(/(^|\s)[./]+(?=\s|$)/g, ' ')
      .trim();
  const clean = (question: string): string => tidy(normalize(question));
  const passes = createPasses(ctx, tidy);

  const parse = (question: string, options: ParseOptions = {}): ParsedQuestion => {
    ctx.syllables?.forget();
    const heard: Heard = { readAs: [], dropped: [], ...(options.speaker ? { speaker: options.speaker } : {}) };
    const said = normalize(question);
    const raw = applyRewrites(rewrites, said, heard);
    const state = startState(raw, tidy(raw));
    for (const pass of passes) {
      if (state.done) break;
      pass.run(state);
    }
    if (heard.readAs.length > 0) state.query.readAs = [...heard.readAs, ...(state.query.readAs ?? [])];
    if (heard.dropped.length > 0) state.query.dropped = heard.dropped;
    const { query, groups, phrases, ambiguous, ambiguousLeaders, pointer } = state;
    return {
      query,
      groups,
      phrases,
      said,
      cues: kindCuesOf(state),
      ...(ambiguous ? { ambiguous } : {}),
      ...(ambiguousLeaders ? { ambiguousLeaders } : {}),
      ...(pointer ? { pointer } : {}),
      ...(heard.speaker ? { speaker: heard.speaker } : {}),
      ...(heard.introduced ? { introduced: true } : {}),
      ...(state.count ? { count: true } : {}),
    };
  };

  const sounds = soundsFor(ctx);
  return { parse, clean, passes, rewrites, soundAlike: sounds.soundAlike };
};

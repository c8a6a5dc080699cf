import { leadersOf, unitsOf } from '../../../src/model';
import { createNameResolver } from '../../../src/qa/names';
import { createQuestionParser, type ParseContext, type ParseState } from '../../../src/qa/parse-question';
import { startState } from '../../../src/qa/parse/state';
import { seed } from '../seed';

/** The parse context of the shipped table, built as the engine builds it. */
export const seedContext = async (): Promise<ParseContext> => {
  const { report, normalize, aliases } = await seed();
  const units = createNameResolver({ names: report.targets.flatMap(unitsOf), normalize, aliases: aliases.units });
  const leaders = createNameResolver({ names: report.targets.flatMap(leadersOf), normalize, soundMinLength: 2, fuzzy: false });
  return {
    normalize,
    aliases,
    units,
    leaders,
    year: report.year,
    reportWords: [report.city, report.period, `${report.year}年`],
    city: report.city,
    covered: [{ year: report.year, period: report.period }],
  };
};

/** Runs the seed parser's passes up to and including `last`, and returns the state. */
export const runUntil = async (question: string, last: string): Promise<ParseState> => {
  const ctx = await seedContext();
  const parser = createQuestionParser(ctx);
  const state = startState(ctx.normalize(question), parser.clean(question));
  for (const pass of parser.passes) {
    if (state.done) break;
    pass.run(state);
    if (pass.name === last) break;
  }
  return state;
};

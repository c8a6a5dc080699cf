import type { Answer, Query } from './answer';
import type { NameResolver } from './names';
import { toNumber, type ParsedQuestion, type QuestionParser } from './parse-question';

export type CommandKind = 'item' | 'unit' | 'leader' | 'lagging' | 'stats' | 'search' | 'help';

/** /command words, including /start as help. */
export const COMMANDS: Record<string, CommandKind> = {
  item: 'item',
  unit: 'unit',
  leader: 'leader',
  lagging: 'lagging',
  stats: 'stats',
  search: 'search',
  help: 'help',
  start: 'help',
};

/** The kind of a /command word, undefined for a word that is not one of ours. */
export const commandKindOf = (name: string): CommandKind | undefined => (Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined);

export interface CommandText {
  /** the command's name, lower case (Telegram's names are Latin letters, digits and _) */
  name: string;
  /** the bot it names (/help@some_bot), when it names one */
  bot?: string;
  /** the rest of the text, '' when none */
  arg: string;
}

/**
 * The one test for "is this a command": /name at the start, optionally @bot, then the
 * argument after white space. A full-width ／ or leading spaces, as typed on a phone,
 * count too. "/市科技局" is not a command (Telegram's names are Latin): it is a question.
 */
export const parseCommand = (text: string): CommandText | undefined => {
  const m = /^\s*[/／]([A-Za-z0-9_]{1,32})(?:@(\w+))?(?:\s+([\s\S]*))?$/.exec(text);
  if (!m) return undefined;
  return { name: m[1]!.toLowerCase(), ...(m[2] ? { bot: m[2] } : {}), arg: m[3] ?? '' };
};

/**
 * Bot commands: the argument is read as what the command names (/unit 工信局
 * is a unit, whatever else it could be), then answered like a question.
 */
export const createCommands = (deps: {
  parser: QuestionParser;
  units: NameResolver;
  leaders: NameResolver;
  answer(question: string, parsed: ParsedQuestion): Answer;
}): { askAs(kind: CommandKind, arg: string): Answer } => {
  const { parser, units, leaders, answer } = deps;
  const askAs = (kind: CommandKind, arg: string): Answer => {
    const question = `/${kind}${arg ? ` ${arg}` : ''}`;
    const text = parser.clean(arg);
    switch (kind) {
      case 'help':
        return { kind: 'help', question, query: { kind: 'help' }, hits: [] };
      case 'item': {
        const m = /(\d+|[零〇一二两三四五六七八九十百]+)/.exec(text);
        const num = m?.[1] ? toNumber(m[1]) : undefined;
        if (num === undefined) return { kind: 'none', question, query: { kind: 'none', unresolved: arg.trim() }, hits: [] };
        return answer(question, { query: { kind: 'item', item: String(num) }, groups: [], phrases: [] });
      }
      case 'unit': {
        const mention = text.replace(/\s+/g, '');
        const found = units.scan(mention);
        const names = found.length === 1 && found[0]?.mention === mention ? found[0].names : units.resolve(mention);
        if (names.length === 0) return { kind: 'none', question, query: { kind: 'none', unresolved: arg.trim() }, hits: [] };
        const parsed: ParsedQuestion = { query: { kind: 'list', units: names }, groups: [], phrases: [], ...(names.length > 1 ? { ambiguous: names } : {}) };
        return answer(question, parsed);
      }
      case 'leader': {
        const mention = text.replace(/\s+/g, '');
        const names = leaders.resolve(mention);
        if (names.length !== 1) return { kind: 'none', question, query: { kind: 'none', unresolved: arg.trim() }, hits: [], ...(names.length > 1 ? { candidates: names } : {}) };
        return answer(question, { query: { kind: 'list', leader: names[0] as string }, groups: [], phrases: [] });
      }
      case 'lagging':
      case 'stats': {
        const parsed = parser.parse(arg);
        const query: Query = { ...parsed.query, kind: kind === 'stats' ? 'stats' : 'list' };
        if (kind === 'lagging') query.status = 'lagging';
        if (parsed.query.kind === 'none' && arg.trim() && !query.units && !query.leader) query.unresolved ??= arg.trim();
        if (query.unresolved && !query.units && kind === 'lagging' && arg.trim()) return { kind: 'none', question, query: { ...query, kind: 'none' }, hits: [] };
        return answer(question, { ...parsed, groups: kind === 'lagging' ? parsed.groups : [], query: kind === 'lagging' && parsed.groups.length > 0 ? { ...query, kind: 'search' } : query });
      }
      case 'search': {
        const parsed = parser.parse(arg);
        if (parsed.groups.length === 0) return answer(question, { ...parsed, query: { ...parsed.query, kind: parsed.query.kind === 'list' ? 'list' : 'none' } });
        return answer(question, { ...parsed, query: { ...parsed.query, kind: 'search' } });
      }
      default:
        return { kind: 'none', question, query: { kind: 'none' }, hits: [] };
    }
  };

  return { askAs };
};

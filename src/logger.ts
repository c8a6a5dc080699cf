import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * A pino logger whose every output line is scrubbed of the bot token.
 *
 * Why scrub the serialized line rather than use pino's `redact` paths: the token
 * leaks through *values*, not known keys. telegraf puts the API URL
 * (`…/bot<token>/sendMessage`) into fetch error messages and stacks, a crash
 * can print a config object, and a debug log can include a request URL. So the
 * last step before bytes leave the process replaces the token — raw and
 * URL-encoded — and anything shaped like a bot token with `[REDACTED]`.
 *
 * @example
 *   const logger = createLogger({ level: 'info', token: config.botToken });
 *   logger.error({ err }, 'send failed'); // err.message's token is replaced
 */
export interface LoggerOptions {
  level: string;
  /** the secret(s) to remove; undefined when running without Telegram */
  token?: string | undefined;
  /** other values to remove the same way (WEBHOOK_SECRET) */
  secrets?: ReadonlyArray<string | undefined>;
  /** where lines go; stdout by default (tests pass a collector) */
  destination?: DestinationStream;
}

export const REDACTED = '[REDACTED]';

/** Anything shaped like a Telegram bot token, even one we were not told about (e.g. a mistyped second bot). */
const TOKEN_SHAPE = /\d{5,}(?::|%3A)[A-Za-z0-9_-]{30,}/gi;

/** Returns a function that removes `secrets` (and token-shaped text) from a string. */
export const createRedactor = (secrets: ReadonlyArray<string | undefined>): ((text: string) => string) => {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    // JSON escaping cannot change a token's characters, but a secret in general may contain them.
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  const literal = [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
  return (text: string): string => {
    let out = text;
    for (const form of literal) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out.replace(TOKEN_SHAPE, REDACTED);
  };
};

export const createLogger = ({ level, token, secrets = [], destination }: LoggerOptions): Logger => {
  const redact = createRedactor([token, ...secrets]);
  const target: DestinationStream = destination ?? pino.destination({ dest: 1, sync: true });
  const scrubbed: DestinationStream = { write: (line: string) => target.write(redact(line)) };
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // telegraf's TelegramError carries `on.payload` (whole messages); keep logs to what helps.
      serializers: { err: pino.stdSerializers.err },
    },
    scrubbed,
  );
};

import { dirname, join } from 'node:path';
/**
 * The one composition root: `npm start`.
 *
 * dotenv → config → logger → the app (src/app.ts: store, engine, alerts, inbox, and
 * the Telegram bot or, without BOT_TOKEN, the local console) → graceful shutdown on
 * SIGINT/SIGTERM, an uncaught exception or the app's own request: stop the app
 * (polling, workers, then flush the store), exit 0 or 1.
 *
 * The graph itself is built only by createApp (the end-to-end tests run that same
 * graph); nothing runs at import time (`main()` is called only when this file is the
 * entry point).
 */
import type { Readable, Writable } from 'node:stream';
import { config as loadDotenv } from 'dotenv';
import { alertSettingsFromEnv, type AlertSettings } from './alerts/config';
import { createApp } from './app';
import { explainError } from './cli/explain-error';
import { createConfig, ConfigError, type Config } from './config';
import { CONSOLE_WORDS } from './wording/console';
import pino from 'pino';
import { createLogger, createRedactor } from './logger';

export interface MainOptions {
  argv?: string[];
  env?: NodeJS.ProcessEnv;
  /** for the console; process.stdin/stdout by default */
  input?: Readable;
  output?: Writable;
}

/** Resolves with the exit code once the program has shut down. */
/** where the local console's log goes: beside the lowdb store (data/console.log by default) */
export const consoleLogPath = (dbPath: string): string => join(dirname(dbPath), 'console.log');

export const main = async (options: MainOptions = {}): Promise<number> => {
  const argv = options.argv ?? process.argv.slice(2);
  const env = options.env ?? process.env;
  if (options.env === undefined) loadDotenv({ quiet: true });

  let config: Readonly<Config>;
  let alertsConfig: Readonly<AlertSettings>;
  try {
    config = createConfig(env);
    alertsConfig = alertSettingsFromEnv(env);
  } catch (err) {
    // ConfigError messages name the variable and never contain secrets.
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    return 1;
  }
  // Without a token the terminal is the local chat: the log (English JSON, for operators' tools) goes to a
  // file beside the store instead of between the answers, and start-up failures are told in Chinese.
  const logger = createLogger({
    level: config.logLevel,
    token: config.botToken,
    secrets: [config.webhook?.secret],
    ...(config.botToken ? {} : { destination: pino.destination({ dest: consoleLogPath(config.dbPath), sync: true, mkdir: true }) }),
  });
  const redact = createRedactor([config.botToken, config.webhook?.secret]);
  const onCrash = (err: unknown): void => {
    logger.fatal({ err }, 'unexpected error');
  };
  process.on('unhandledRejection', onCrash);

  let finished!: (code: number) => void;
  const done = new Promise<number>((r) => (finished = r));
  let shuttingDown = false;
  const shutdown = async (why: string, code = 0): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ why }, 'shutting down');
    await app.stop();
    finished(code);
  };
  // Built before the signal handlers: a signal during start-up stops what has started so far.
  const app = createApp({
    config,
    alertSettings: alertsConfig,
    logger,
    recoverDb: argv.includes('--recover-db'),
    onExit: (why, code) => void shutdown(why, code),
    ...(options.input ? { input: options.input } : {}),
    ...(options.output ? { output: options.output } : {}),
  });
  const onSignal = (signal: NodeJS.Signals): void => void shutdown(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Without this, Node prints the raw stack to stderr (telegraf's messages can hold the API URL with the
  // token) and exits without flushing the store. Log it through the scrubbing logger and shut down instead.
  const onUncaught = (err: unknown): void => {
    logger.fatal({ err }, 'uncaught exception');
    void shutdown('uncaught exception', 1);
  };
  process.on('uncaughtException', onUncaught);

  try {
    await app.start();
    return await done;
  } catch (err) {
    logger.fatal({ err: err instanceof Error ? Object.assign(new Error(redact(err.message)), { name: err.name }) : err }, 'could not start');
    // the log line is for operators' tools; the person at the terminal reads why in Chinese
    process.stderr.write(`${CONSOLE_WORDS.startFailed(explainError(err))}\n`);
    await shutdown('start-up failed', 1);
    return await done;
  } finally {
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onUncaught);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      // Last resort; main() logs its own failures. Keep the token out of crash output.
      const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(`${createRedactor([process.env.BOT_TOKEN])(text)}\n`);
      process.exit(1);
    },
  );
}

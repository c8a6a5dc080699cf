/**
 * The fake Bot API server for bench/soak.ts, in its own process so the soak's memory figures are the bot's
 * alone (the fake keeps every chat's messages). Driven over IPC:
 *   → { type: 'push', count }   pushes `count` fuzzed updates (seed from SOAK_SEED), answers { type: 'pushed' }
 *   → { type: 'status' }        answers { type: 'status', pending, stats }
 *   ← { type: 'ready', apiRoot, token } once listening
 */
import { leadersOf, unitsOf } from '../src/model';
import { seedEngine } from '../test/bot/seed';
import { startFakeBotApi } from '../test/fake-bot-api/server';
import { createFuzzer } from '../test/hardening/fuzz-updates';

type Command = { type: 'push'; count: number } | { type: 'status' } | { type: 'close' };

const start = async (): Promise<void> => {
  const send = (message: unknown): void => void process.send?.(message);
  const api = await startFakeBotApi({ maxCalls: 1000, recordGetUpdates: false });
  const { report } = await seedEngine();
  const words = [...new Set(report.targets.flatMap((t) => [...unitsOf(t), ...leadersOf(t)]))].filter((w) => w !== '');
  const fuzzer = createFuzzer(Number(process.env.SOAK_SEED ?? 1), api, { words });
  process.on('message', (command: Command) => {
    if (command.type === 'push') {
      for (let i = 0; i < command.count; i += 1) fuzzer.next();
      send({ type: 'pushed' });
    } else if (command.type === 'status') {
      send({ type: 'status', pending: api.pendingUpdates(), stats: api.stats() });
    } else {
      void api.close().then(() => process.exit(0));
    }
  });
  send({ type: 'ready', apiRoot: api.apiRoot, token: api.token });
};

start().catch((error: unknown) => {
  process.stderr.write(`soak-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

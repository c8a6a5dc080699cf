import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ParseOptions } from '../table/parse-report';
import { IMPORT_CLI_WORDS, IMPORT_WORDS } from '../wording/import';

/**
 * The single-writer hand-off. While the bot runs it owns the store (lowdb keeps
 * the file in memory and rewrites it whole, so a second writer would lose
 * writes). `npm run import` then drops a request into the inbox folder next to
 * the store; the bot imports it and answers with a result file.
 */
export const inboxDir = (dbPath: string): string => join(dirname(dbPath), 'inbox');

interface InboxRequest {
  fileName: string;
  options: ParseOptions & { dryRun?: boolean };
  bytes: string;
}

export interface InboxResult {
  ok: boolean;
  /** the import summary, or the error message naming row and column */
  message: string;
}

/** Writes a request atomically (temp name, then rename) and waits for the bot's result. */
export const submitToInbox = async (dir: string, fileName: string, bytes: Buffer, options: InboxRequest['options'], { timeoutMs = 60_000, pollMs = 200 } = {}): Promise<InboxResult> => {
  await mkdir(dir, { recursive: true });
  const id = `${Date.now()}-${randomUUID().slice(0, 8)}`;
  const request: InboxRequest = { fileName: basename(fileName), options, bytes: bytes.toString('base64') };
  await writeFile(join(dir, `${id}.tmp`), JSON.stringify(request));
  await rename(join(dir, `${id}.tmp`), join(dir, `${id}.request.json`));
  const resultPath = join(dir, `${id}.result.json`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const result = JSON.parse(await readFile(resultPath, 'utf8')) as InboxResult;
      await unlink(resultPath).catch(() => undefined);
      return result;
    } catch {
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
  // Leave the request: the bot may still pick it up; say so rather than pretend it failed.
  throw new InboxTimeout(timeoutMs / 1000, id, dir);
};

/** The running bot did not answer in time; its request stays in the inbox and will be imported when the bot reads it. */
export class InboxTimeout extends Error {
  override readonly name = 'InboxTimeout';

  constructor(
    readonly seconds: number,
    readonly id: string,
    readonly dir: string,
  ) {
    super(`the running bot did not answer within ${seconds} s; the request ${id} stays in ${dir} and will be imported when the bot reads it`);
  }
}

export interface InboxWatcherDeps {
  dir: string;
  handle: (fileName: string, bytes: Buffer, options: InboxRequest['options']) => Promise<InboxResult>;
  onError?: (error: unknown) => void;
  intervalMs?: number;
}

/**
 * Polls the inbox (fs.watch is unreliable across platforms and editors) and
 * handles one request at a time, oldest first.
 */
export const createInboxWatcher = ({ dir, handle, onError = () => undefined, intervalMs = 1000 }: InboxWatcherDeps) => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const drain = async (): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.request.json')).sort();
    } catch {
      return; // no inbox yet
    }
    for (const name of names) {
      const path = join(dir, name);
      const resultPath = path.replace(/\.request\.json$/, '.result.json');
      let result: InboxResult;
      try {
        const request = JSON.parse(await readFile(path, 'utf8')) as InboxRequest;
        result = await handle(request.fileName, Buffer.from(request.bytes, 'base64'), request.options ?? {});
      } catch (error) {
        // not the table's fault (the table's own problems come back as a result): the log has the details
        onError(error);
        result = { ok: false, message: IMPORT_WORDS.failed(IMPORT_CLI_WORDS.unexpected) };
      }
      try {
        await writeFile(`${resultPath}.tmp`, JSON.stringify(result));
        await rename(`${resultPath}.tmp`, resultPath);
        await unlink(path);
      } catch (error) {
        onError(error);
      }
    }
  };

  const tick = (): Promise<void> => {
    running = running.then(drain).catch(onError);
    return running;
  };

  return {
    /** handles whatever is waiting now; resolves when done (tests call this directly) */
    poll: tick,
    start(): void {
      timer ??= setInterval(() => void tick(), intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
};

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInboxWatcher, submitToInbox } from '../../src/import/inbox';
import { useTempDir } from '../helpers/tmp';
import { IMPORT_CLI_WORDS, IMPORT_WORDS } from '../../src/wording/import';

describe('inbox hand-off between the import CLI and the running bot', () => {
  const dir = useTempDir();

  it('delivers the file to the bot and returns the bot’s answer', async () => {
    const inbox = join(dir(), 'inbox');
    const received: [string, string, unknown][] = [];
    const watcher = createInboxWatcher({
      dir: inbox,
      intervalMs: 20,
      handle: async (name, bytes, options) => {
        received.push([name, bytes.toString('utf8'), options]);
        return { ok: true, message: `imported ${name}` };
      },
    });
    watcher.start();
    try {
      const result = await submitToInbox(inbox, '/some/where/q4.tsv', Buffer.from('表格内容'), { year: 2022 }, { pollMs: 10 });
      expect(result).toEqual({ ok: true, message: 'imported q4.tsv' });
      expect(received).toEqual([['q4.tsv', '表格内容', { year: 2022 }]]);
      expect(readdirSync(inbox)).toEqual([]);
    } finally {
      await watcher.stop();
    }
  });

  it("answers a refused table with the handler's message, and an unexpected failure in Chinese with the details in the log", async () => {
    const inbox = join(dir(), 'inbox');
    const logged: unknown[] = [];
    const refusal = '导入失败：表格 q4.tsv 第 7 行“是否按计划完成进度”列：“待定”不是“是”或“否”。';
    let calls = 0;
    const watcher = createInboxWatcher({
      dir: inbox,
      handle: async () => {
        calls += 1;
        if (calls === 1) return { ok: false, message: refusal };
        throw new Error('ECONNRESET while writing the store');
      },
      onError: (error) => logged.push(error),
    });
    for (const expected of [refusal, IMPORT_WORDS.failed(IMPORT_CLI_WORDS.unexpected)]) {
      const pending = submitToInbox(inbox, 'q4.tsv', Buffer.from('x'), {}, { pollMs: 10 });
      await new Promise((r) => setTimeout(r, 50));
      await watcher.poll();
      await expect(pending).resolves.toEqual({ ok: false, message: expected });
    }
    expect(logged).toEqual([expect.objectContaining({ message: 'ECONNRESET while writing the store' })]);
  });

  it('says where the request waits when the bot does not answer in time', async () => {
    const inbox = join(dir(), 'inbox');
    await expect(submitToInbox(inbox, 'q4.tsv', Buffer.from('x'), {}, { timeoutMs: 50, pollMs: 10 })).rejects.toThrow(/did not answer within 0.05 s/);
    expect(readdirSync(inbox).filter((n) => n.endsWith('.request.json'))).toHaveLength(1);
    expect(existsSync(join(inbox, 'x'))).toBe(false);
  });
});

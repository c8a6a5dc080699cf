import { ALERT_MESSAGES } from '../../../src/wording/alerts';
import { ADMIN, settled, startAppUnderTest, textOf, type AppUnderTest } from '../../helpers/app-under-test';
import { editedSeed } from '../../alerts/tables';

/** The upload feature's checks before anything is downloaded or imported. */
describe('table upload', () => {
  let bot: AppUnderTest;
  beforeEach(async () => {
    bot = await startAppUnderTest({ maxUploadBytes: 1024 });
  });
  afterEach(async () => {
    await bot.stop();
  });

  const upload = async (fileName: string, bytes: Buffer, userId = ADMIN): Promise<string> => {
    const from = bot.api.calls.length;
    bot.api.document({ userId, fileName, bytes });
    return textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === userId, from));
  };

  it('refuses a file over the size limit without downloading it', async () => {
    const table = editedSeed({ lagging: ['58'] });
    expect(table.length).toBeGreaterThan(1024);
    expect(await upload('q4.tsv', table)).toBe('文件太大，无法导入（上限 1 KB）。');
    expect(bot.api.calls.some((c) => c.method === 'getFile')).toBe(false);
    expect(await bot.reports.history()).toHaveLength(1);
  });

  it('refuses a file that is not a table by its name', async () => {
    expect(await upload('photo.jpg', Buffer.from('not a table'))).toBe(ALERT_MESSAGES.uploadWrongType('photo.jpg'));
    expect(bot.api.calls.some((c) => c.method === 'getFile')).toBe(false);
  });

  it('ignores files posted in groups', async () => {
    const from = bot.api.calls.length;
    bot.api.document({ chatId: -5000, userId: ADMIN, fileName: 'q4.tsv', bytes: Buffer.from('x') });
    await settled(bot);
    expect(bot.api.calls.slice(from).filter((c) => c.method === 'sendMessage' || c.method === 'getFile')).toEqual([]);
  });
});

import { ConfigError, createConfig } from '../src/config';

const TOKEN = '123456:TEST-token_abcdefghijklmnopqrstuvwxyz';

const errorOf = (env: Record<string, string | undefined>): string => {
  try {
    createConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected createConfig to throw');
};

describe('createConfig', () => {
  it('applies the documented defaults when nothing is set', () => {
    const config = createConfig({});
    expect(config).toEqual({
      botToken: undefined,
      telegramApiRoot: undefined,
      webhook: undefined,
      adminIds: [],
      allowedChatIds: [],
      dbPath: 'data/db.json',
      dataFile: 'data/heze-2022-q3.tsv',
      logLevel: 'info',
      timezone: 'Asia/Shanghai',
      remindDays: 14,
      unitReminders: { weekday: 0, beforeDays: 0 },
      conversationMinutes: 30,
      webapp: undefined,
    });
  });

  it('reads the scheduled reminders to units, and refuses a weekday beyond 7', () => {
    expect(createConfig({ UNIT_REMIND_WEEKDAY: '1', UNIT_REMIND_BEFORE_DAYS: '7' }).unitReminders).toEqual({ weekday: 1, beforeDays: 7 });
    expect(() => createConfig({ UNIT_REMIND_WEEKDAY: '8' })).toThrow('UNIT_REMIND_WEEKDAY：应为 0 到 7 之间的整数，实际为“8”');
  });

  it('returns a frozen object, lists included', () => {
    const config = createConfig({ ADMIN_IDS: '1' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.adminIds)).toBe(true);
  });

  it('treats empty values (a copied .env.example) as unset', () => {
    const config = createConfig({ BOT_TOKEN: '', ADMIN_IDS: ' ', PORT: '' });
    expect(config.botToken).toBeUndefined();
    expect(config.adminIds).toEqual([]);
  });

  it('parses every variable when all are valid', () => {
    const config = createConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
      WEBHOOK_URL: 'https://bot.example.org/hook',
      PORT: '8443',
      WEBHOOK_SECRET: 's3cret_value',
      ADMIN_IDS: '111, 222,333',
      ALLOWED_CHAT_IDS: '-1001234567890,42',
      DB_PATH: '/var/lib/bot/db.json',
      DATA_FILE: 'x.tsv',
      LOG_LEVEL: 'DEBUG',
      BOT_TIMEZONE: 'Europe/Berlin',
      REMIND_DAYS: '7',
    });
    expect(config.botToken).toBe(TOKEN);
    expect(config.webhook).toEqual({ url: 'https://bot.example.org/hook', port: 8443, secret: 's3cret_value' });
    expect(config.adminIds).toEqual([111, 222, 333]);
    expect(config.allowedChatIds).toEqual([-1001234567890, 42]);
    expect(config.logLevel).toBe('debug');
    expect(config.timezone).toBe('Europe/Berlin');
    expect(config.remindDays).toBe(7);
  });

  it('keeps the path of an API root behind a proxy (telegraf resolves relative to it)', () => {
    expect(createConfig({ TELEGRAM_API_ROOT: 'https://proxy.example.org/telegram' }).telegramApiRoot).toBe('https://proxy.example.org/telegram/');
    expect(createConfig({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081' }).telegramApiRoot).toBe('http://127.0.0.1:8081/');
  });

  it('rejects a malformed token without echoing it', () => {
    const bad = '123456:short-secret-part';
    const message = errorOf({ BOT_TOKEN: bad });
    expect(message).toMatch(/BOT_TOKEN：格式不对/);
    expect(message).not.toContain(bad);
    expect(message).not.toContain('short-secret-part');
  });

  it('names the non-numeric ADMIN_IDS entry', () => {
    expect(errorOf({ ADMIN_IDS: '111,abc,333' })).toMatch(/ADMIN_IDS：.*数字 ID，其中“abc”不是/);
  });

  it('names a bad ALLOWED_CHAT_IDS entry', () => {
    expect(errorOf({ ALLOWED_CHAT_IDS: '1.5' })).toMatch(/ALLOWED_CHAT_IDS：.*“1.5”/);
  });

  it('requires a secret and a token in webhook mode', () => {
    const message = errorOf({ WEBHOOK_URL: 'https://bot.example.org/hook' });
    expect(message).toMatch(/WEBHOOK_SECRET：设置了 WEBHOOK_URL 时必须同时设置/);
    expect(message).toMatch(/BOT_TOKEN：设置了 WEBHOOK_URL 时必须同时设置/);
  });

  it('rejects a plain-http webhook URL, a bad port, a bad secret', () => {
    expect(errorOf({ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'http://x.org/h', WEBHOOK_SECRET: 'ok' })).toMatch(/WEBHOOK_URL：应为 https/);
    expect(errorOf({ PORT: '70000' })).toMatch(/PORT：应为 1 到 65535 之间的整数，实际为“70000”/);
    const secretMessage = errorOf({ WEBHOOK_SECRET: 'has spaces and ünïcode' });
    expect(secretMessage).toMatch(/WEBHOOK_SECRET：应为/);
    expect(secretMessage).not.toContain('has spaces');
  });

  it('rejects an unknown log level, time zone and a negative REMIND_DAYS', () => {
    expect(errorOf({ LOG_LEVEL: 'loud' })).toMatch(/LOG_LEVEL：应为 .*之一，实际为“loud”/);
    expect(errorOf({ BOT_TIMEZONE: 'Mars/Base' })).toMatch(/BOT_TIMEZONE：未知的时区“Mars\/Base”/);
    expect(errorOf({ REMIND_DAYS: '-1' })).toMatch(/REMIND_DAYS：应为 0 到 3650 之间的整数/);
  });

  it('turns the dashboard on with WEBAPP_URL: its path with a trailing slash, WEB_PORT 8080 and 7-day weblinks by default', () => {
    expect(createConfig({ BOT_TOKEN: TOKEN, WEBAPP_URL: 'https://bot.example.org/app' }).webapp).toEqual({
      url: 'https://bot.example.org/app/',
      basePath: '/app/',
      port: 8080,
      weblinkDays: 7,
    });
    expect(createConfig({ BOT_TOKEN: TOKEN, WEBAPP_URL: 'https://bot.example.org/', WEB_PORT: '9000', WEBLINK_DAYS: '30' }).webapp).toMatchObject({ basePath: '/', port: 9000, weblinkDays: 30 });
  });

  it('serves the dashboard from the webhook server when WEB_PORT is unset or equals PORT, from its own otherwise', () => {
    const webhook = { BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 's', PORT: '8443', WEBAPP_URL: 'https://bot.example.org/app/' };
    expect(createConfig(webhook).webapp?.port).toBeUndefined();
    expect(createConfig({ ...webhook, WEB_PORT: '8443' }).webapp?.port).toBeUndefined();
    expect(createConfig({ ...webhook, WEB_PORT: '9000' }).webapp?.port).toBe(9000);
  });

  it('rejects a dashboard without a token, over plain http, with a query, and bad WEB_PORT or WEBLINK_DAYS', () => {
    expect(errorOf({ WEBAPP_URL: 'https://bot.example.org/app/' })).toMatch(/BOT_TOKEN：设置了 WEBAPP_URL 时必须同时设置/);
    expect(errorOf({ BOT_TOKEN: TOKEN, WEBAPP_URL: 'http://bot.example.org/app/' })).toMatch(/WEBAPP_URL：应为不带/);
    expect(errorOf({ BOT_TOKEN: TOKEN, WEBAPP_URL: 'https://bot.example.org/app/?x=1' })).toMatch(/WEBAPP_URL/);
    expect(errorOf({ WEB_PORT: '70000' })).toMatch(/WEB_PORT：应为 1 到 65535 之间的整数/);
    expect(errorOf({ WEBLINK_DAYS: '0' })).toMatch(/WEBLINK_DAYS：应为 1 到 365 之间的整数/);
  });

  it('reports every bad variable at once', () => {
    const message = errorOf({ ADMIN_IDS: 'x', PORT: 'y', TELEGRAM_API_ROOT: 'ftp://nope' });
    expect(message).toMatch(/ADMIN_IDS/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/TELEGRAM_API_ROOT/);
    // in Chinese for whoever starts the bot: English only in the variables' names and the examples of values
    expect(message.split('\n')[0]).toBe('配置有误，请修改 .env 或环境变量后重新启动：');
    expect(message.replace(/[A-Z_]{3,}|\.env|http\(s\)|https?:\/\/\S+|ftp:\/\/\S+/g, '')).not.toMatch(/[a-z]{3,}/);
  });
});

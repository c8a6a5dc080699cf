import { createLogger, createRedactor, REDACTED } from '../src/logger';

const TOKEN = '987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_x';

const collect = () => {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
};

describe('createLogger', () => {
  it('removes the token from messages, error messages, stacks and URLs', () => {
    const { lines, destination } = collect();
    const logger = createLogger({ level: 'debug', token: TOKEN, destination });
    const err = new Error(`request to http://127.0.0.1:1/bot${TOKEN}/sendMessage failed, reason: ECONNREFUSED`);
    logger.error({ err }, 'send failed');
    logger.debug({ url: `https://api.telegram.org/bot${encodeURIComponent(TOKEN)}/getMe` }, 'calling');
    logger.info(`token is ${TOKEN}`);
    logger.warn({ config: { botToken: TOKEN } }, 'crash dump');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(TOKEN.split(':')[1]);
      expect(line).toContain(REDACTED);
    }
    // the rest of the error is kept: the log must still be useful
    expect(JSON.parse(lines[0]!).err.message).toContain('ECONNREFUSED');
  });

  it('respects the level', () => {
    const { lines, destination } = collect();
    const logger = createLogger({ level: 'warn', token: TOKEN, destination });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
  });
});

describe('createRedactor', () => {
  it('also removes token-shaped text it was not told about', () => {
    const redact = createRedactor([undefined]);
    expect(redact('bot1234567:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef_-123/x')).toBe(`bot${REDACTED}/x`);
  });

  it('leaves ordinary text alone', () => {
    const redact = createRedactor([TOKEN]);
    expect(redact('第57项 12:30 市科技局')).toBe('第57项 12:30 市科技局');
  });
});

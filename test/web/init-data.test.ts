import { createHmac } from 'node:crypto';
import { signInitData, verifyInitData } from '../../src/web/init-data';

const TOKEN = '123456:TEST-token_abcdefghijklmnopqrstuvwxyz';
const NOW = 1_700_000_000;
const DAY = 86_400;

describe('verifyInitData', () => {
  it('accepts launch data signed as Telegram documents it, computed here independently of the module', () => {
    // Telegram's algorithm spelled out: secret = HMAC_SHA256(key "WebAppData", token); hash = HMAC_SHA256(secret, sorted "k=v" lines)
    const fields: Record<string, string> = { auth_date: String(NOW), query_id: 'AAHdF6IQAAAAAN0XohDhrOrc', user: '{"id":1001,"first_name":"王"}' };
    const checkString = Object.keys(fields)
      .sort()
      .map((k) => `${k}=${fields[k]}`)
      .join('\n');
    const secret = createHmac('sha256', 'WebAppData').update(TOKEN).digest();
    const hash = createHmac('sha256', secret).update(checkString).digest('hex');
    const initData = new URLSearchParams({ ...fields, hash }).toString();
    expect(verifyInitData(initData, TOKEN, { maxAgeSeconds: DAY, now: NOW })).toEqual({ ok: true, user: { id: 1001, first_name: '王' }, authDate: NOW });
  });

  it('accepts what signInitData makes, in any field order', () => {
    const signed = signInitData({ user: { id: 7 }, authDate: NOW, queryId: 'q1' }, TOKEN);
    const shuffled = new URLSearchParams([...new URLSearchParams(signed).entries()].reverse()).toString();
    expect(verifyInitData(shuffled, TOKEN, { maxAgeSeconds: DAY, now: NOW })).toMatchObject({ ok: true, user: { id: 7 } });
  });

  it('refuses data signed with another bot token', () => {
    const signed = signInitData({ user: { id: 7 }, authDate: NOW }, '654321:OTHER-token_abcdefghijklmnopqrstuvwxyz');
    expect(verifyInitData(signed, TOKEN, { maxAgeSeconds: DAY, now: NOW })).toEqual({ ok: false, reason: 'bad-hash' });
  });

  it('refuses a signed launch whose user was changed afterwards', () => {
    const params = new URLSearchParams(signInitData({ user: { id: 7 }, authDate: NOW }, TOKEN));
    params.set('user', JSON.stringify({ id: 1 }));
    expect(verifyInitData(params.toString(), TOKEN, { maxAgeSeconds: DAY, now: NOW })).toEqual({ ok: false, reason: 'bad-hash' });
  });

  it('refuses a launch older than the limit and one from the future, but not one just inside', () => {
    const at = (authDate: number) => verifyInitData(signInitData({ user: { id: 7 }, authDate }, TOKEN), TOKEN, { maxAgeSeconds: DAY, now: NOW });
    expect(at(NOW - DAY - 1)).toEqual({ ok: false, reason: 'expired' });
    expect(at(NOW - DAY + 60)).toMatchObject({ ok: true });
    expect(at(NOW + 3600)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses missing, hashless, doubled-hash and user-less data', () => {
    const opts = { maxAgeSeconds: DAY, now: NOW };
    expect(verifyInitData(undefined, TOKEN, opts)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyInitData(`user=%7B%22id%22%3A1%7D&auth_date=${NOW}`, TOKEN, opts)).toEqual({ ok: false, reason: 'malformed' });
    const signed = signInitData({ user: { id: 7 }, authDate: NOW }, TOKEN);
    expect(verifyInitData(`${signed}&hash=${'0'.repeat(64)}`, TOKEN, opts)).toEqual({ ok: false, reason: 'malformed' });
    const params = new URLSearchParams({ auth_date: String(NOW) });
    const secret = createHmac('sha256', 'WebAppData').update(TOKEN).digest();
    params.set('hash', createHmac('sha256', secret).update(`auth_date=${NOW}`).digest('hex'));
    expect(verifyInitData(params.toString(), TOKEN, opts)).toEqual({ ok: false, reason: 'no-user' });
  });
});

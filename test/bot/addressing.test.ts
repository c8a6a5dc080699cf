import { isForeignCommand } from '../../src/bot/addressing';

describe('isForeignCommand', () => {
  it('leaves our commands (for us or for no bot in particular) to us, and skips the rest', () => {
    expect(isForeignCommand('/stats', 'heze_bot')).toBe(false);
    expect(isForeignCommand('／stats', 'heze_bot')).toBe(false);
    expect(isForeignCommand('/stats@Heze_Bot', 'heze_bot')).toBe(false);
    expect(isForeignCommand('/stats@other_bot', 'heze_bot')).toBe(true);
    expect(isForeignCommand('/weather 菏泽', 'heze_bot')).toBe(true);
    expect(isForeignCommand('/市科技局', 'heze_bot')).toBe(false);
    expect(isForeignCommand('市科技局的目标', 'heze_bot')).toBe(false);
  });
});

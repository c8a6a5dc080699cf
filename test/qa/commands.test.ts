import { commandKindOf, parseCommand } from '../../src/qa/commands';

describe('parseCommand', () => {
  it('reads a command, the bot it names and its argument, as typed or sent by a client', () => {
    expect(parseCommand('/item 57')).toEqual({ name: 'item', arg: '57' });
    expect(parseCommand('/Search@Heze_Bot 5G 基站')).toEqual({ name: 'search', bot: 'Heze_Bot', arg: '5G 基站' });
    expect(parseCommand('  ／unit 工信局')).toEqual({ name: 'unit', arg: '工信局' });
    expect(parseCommand('/start')).toEqual({ name: 'start', arg: '' });
  });

  it('takes only Latin names followed by white space or the end: anything else is a question', () => {
    for (const text of ['/市科技局', '/help。', 'item 57', '', '/']) expect(parseCommand(text)).toBeUndefined();
    expect(parseCommand('/item57')).toEqual({ name: 'item57', arg: '' });
  });
});

describe('commandKindOf', () => {
  it('knows our command words and nothing an object inherits', () => {
    expect(commandKindOf('start')).toBe('help');
    expect(commandKindOf('lagging')).toBe('lagging');
    expect(commandKindOf('constructor')).toBeUndefined();
    expect(commandKindOf('subscribe')).toBeUndefined();
  });
});

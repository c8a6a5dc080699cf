import { parseFeedbackQuestion } from '../../src/supervision/questions';

/** The questions about replies read before the engine; anything else is left to it. */
describe('parseFeedbackQuestion', () => {
  it.each([
    ['57号的反馈', { kind: 'target', id: '57' }],
    ['第57项反馈了吗？', { kind: 'target', id: '57' }],
    ['哪些单位还没反馈', { kind: 'missing' }],
    ['哪些部门没有反馈？', { kind: 'missing' }],
    ['还没反馈的单位', { kind: 'missing' }],
    ['工信局反馈了吗', { kind: 'unit', mention: '工信局' }],
    ['商务局有没有反馈', { kind: 'unit', mention: '商务局' }],
    ['市科技局的反馈', { kind: 'unit', mention: '市科技局' }],
  ])('reads %s', (text, expected) => {
    expect(parseFeedbackQuestion(text)).toEqual(expected);
  });

  it.each(['工信局的目标', '滞后的项目', '反馈', '群众反馈强烈的民生实事有哪些需要重点推进的项目和单位呢请列出来谢谢'])('leaves %s to the engine', (text) => {
    expect(parseFeedbackQuestion(text)).toBeUndefined();
  });
});

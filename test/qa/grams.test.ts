import { gramsOf, wordGrams } from '../../src/qa/grams';

describe('grams', () => {
  it('gives a Latin word with a number of two or more digits its digits too (g237 asked as 国道237)', () => {
    expect(wordGrams('g237')).toEqual(['g237', '237']);
    expect([...gramsOf('推进国道g237改建')]).toContain('237');
    // a Latin word without such a number stays one gram
    expect(wordGrams('5g')).toEqual(['5g']);
    expect(wordGrams('pm2.5')).toEqual(['pm2.5']);
  });
});

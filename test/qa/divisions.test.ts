import { chinaDivisions } from '../../src/qa/divisions';

describe("China's administrative divisions", () => {
  const divisions = chinaDivisions();
  const heze = divisions.lookup('菏泽市');

  it('knows provinces, cities and counties by their official names and short forms', () => {
    expect(divisions.lookup('山东').map((d) => [d.name, d.level])).toEqual([['山东省', 'province']]);
    expect(divisions.lookup('广西').map((d) => d.name)).toEqual(['广西壮族自治区']);
    expect(divisions.lookup('恩施').map((d) => d.name)).toEqual(['恩施土家族苗族自治州', '恩施市']);
    expect(divisions.lookup('聊城').map((d) => [d.name, d.level])).toEqual([['聊城市', 'city']]);
    expect(divisions.lookup('巨野').map((d) => d.name)).toEqual(['巨野县']);
    // one name, two places
    expect(divisions.lookup('朝阳区').length).toBe(2);
  });

  it('leaves out development zones and the groupings of the list', () => {
    expect(divisions.lookup('菏泽经济技术开发区')).toEqual([]);
    expect(divisions.lookup('县')).toEqual([]);
    expect(divisions.lookup('省直辖县')).toEqual([]);
  });

  it('tells which division lies within which', () => {
    const [juye] = divisions.lookup('巨野县');
    const [shandong] = divisions.lookup('山东省');
    const [jining] = divisions.lookup('济宁市');
    expect(juye && heze[0] && divisions.within(juye, heze[0])).toBe(true);
    expect(heze[0] && shandong && divisions.within(heze[0], shandong)).toBe(true);
    expect(juye && jining && divisions.within(juye, jining)).toBe(false);
  });

  it("reads a city's own counties by any name, others' only by official names of three characters or more", () => {
    const near = divisions.scanner(heze);
    expect(near('巨野有哪些目标').map((m) => m.written)).toEqual(['巨野']);
    expect(near('单县和成武县').map((m) => m.written)).toEqual(['单县', '成武县']);
    const anywhere = divisions.scanner();
    expect(anywhere('巨野有哪些目标')).toEqual([]);
    // 和县 (Anhui) is also 和 + 县: not read outside its own city
    expect(anywhere('市里和县里的任务')).toEqual([]);
    expect(anywhere('济宁市政府和洛川县').map((m) => [m.written, m.start])).toEqual([
      ['济宁市', 0],
      ['洛川县', 6],
    ]);
  });
});

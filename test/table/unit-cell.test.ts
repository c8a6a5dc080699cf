import { splitUnits } from '../../src/table/unit-cell';

describe('splitUnits', () => {
  it('splits a plain cell into leading units', () => {
    expect(splitUnits('市委组织部 市人力资源社会保障局')).toEqual({ lead: ['市委组织部', '市人力资源社会保障局'], cooperating: [] });
  });

  it('reads A牵头，B、C配合', () => {
    expect(splitUnits('市发展改革委牵头，市财政局、市工业和信息化局配合')).toEqual({ lead: ['市发展改革委'], cooperating: ['市财政局', '市工业和信息化局'] });
  });

  it('reads 牵头单位：A；配合单位：B、C', () => {
    expect(splitUnits('牵头单位：市商务局；配合单位：市财政局、市税务局')).toEqual({ lead: ['市商务局'], cooperating: ['市财政局', '市税务局'] });
  });

  it('reads A（牵头）、B, C as A leading and the others supporting', () => {
    expect(splitUnits('市教育局（牵头）、市财政局、市人力资源社会保障局等')).toEqual({ lead: ['市教育局'], cooperating: ['市财政局', '市人力资源社会保障局'] });
  });
});

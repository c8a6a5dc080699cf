import { parseTable } from '../../src/table/load-table';
import type { Report } from '../../src/model';

/**
 * A county's table in its own layout, written for these tests: 县 units, leaders with titles in
 * brackets, a 牵头/配合 split, section rows, towns and a 各乡镇 group. No 市 anywhere.
 */
export const COUNTY_TSV = [
  '清河县2024年重点工作任务推进情况台账',
  '（截至2024年6月30日）',
  '序号\t重点工作任务\t责任县领导\t牵头单位\t配合单位\t完成时限\t推进情况\t进度评价',
  '一、民生实事（3项）\t\t\t\t\t\t\t',
  '1\t新建城区幼儿园2所\t刘梅（副县长）\t县教育局\t县住建局、县自然资源局\t年底\t主体完工\t达进度',
  '2\t改造老旧小区10个\t李卫东（县委常委、副县长）\t县住建局\t城关街道办事处\t8月底\t完成3个\t欠进度',
  '3\t建设农村幸福院8处\t刘梅（副县长）\t县民政局\t各乡镇人民政府（街道办事处）\t年底\t完成8处\t已完成',
  '二、生态环保（3项）\t\t\t\t\t\t\t',
  '4\t空气优良天数比例达到70%\t周海波（县长）\t市生态环境局清河分局\t县住建局\t年底\t66%\t欠进度',
  '5\t完成造林5000亩\t孙国栋（副县长）\t县自然资源局\t石桥镇人民政府\t6月底\t已完成\t已完成',
  '6\t整治城区黑臭水体\t李卫东（县委常委、副县长）\t县综合行政执法局\t县水利局\t2025年6月底\t完成方案\t达进度',
].join('\n');

export const countyReport = (): Promise<Report> => parseTable(Buffer.from(COUNTY_TSV), 'county.tsv');

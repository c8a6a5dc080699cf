import { editedSeed } from '../alerts/tables';

/** The seed table as the next quarter's report (2022 第四季度): 57 grew to 7.5%, still 否. */
export const fourthQuarter = (): Buffer =>
  Buffer.from(
    editedSeed({ progress: { '57': '1—12月,全市规模以上工业增加值同比增长7.5%' } })
      .toString('utf8')
      .replace('第三季度', '第四季度'),
    'utf8',
  );

/** What the dashboard's API says when it refuses, in the page's language. */
export const WEB_MESSAGES = Object.freeze({
  unauthorized: '登录已失效或签名无效，请从 Telegram 重新打开看板，或在私聊中发送 /weblink 获取新链接。',
  notAllowed: '抱歉，本看板仅供指定单位使用。如需开通，请联系管理员。',
  notFound: '没有这个页面。',
  noReport: '没有这一期数据。',
  noTarget: (id: string) => `本期没有第 ${id} 项。`,
  adminsOnly: '只有管理员可以上传进度表。',
  wrongType: (name: string) => `无法导入“${name}”：请选择 .tsv、.csv 或 .xlsx 格式的进度表。`,
  tooLarge: (mb: number) => `文件太大（上限 ${mb} MB）。`,
  importFailed: (why: string) => `导入失败：${why}`,
  methodNotAllowed: '不支持这种请求。',
});

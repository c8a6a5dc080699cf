/**
 * What start-up says about a bad setting in .env or the environment: one line per variable, naming it (the
 * name stays as .env spells it) and what it should hold. A value that could be secret is never repeated.
 */
export const CONFIG_WORDS = Object.freeze({
  invalid: (lines: string[]) => `配置有误，请修改 .env 或环境变量后重新启动：\n  ${lines.join('\n  ')}`,
  /** zod's own complaint about a variable, which we never show (it is English) */
  unreadable: (name: string) => `${name}：无法读取该值`,
  idList: (name: string, item: string) => `${name}：应为用英文逗号分隔的数字 ID，其中“${item}”不是`,
  wholeNumber: (name: string, min: number, max: number, value: string) => `${name}：应为 ${min} 到 ${max} 之间的整数，实际为“${value}”`,
  localTime: (name: string, value: string) => `${name}：应为当地时间 时:分，如 09:00，实际为“${value}”`,
  botToken: 'BOT_TOKEN：格式不对（应为 @BotFather 给出的令牌：数字、冒号，再加至少 30 个字母、数字、_ 或 -）',
  apiRoot: 'TELEGRAM_API_ROOT：应为 http(s) 地址，如 https://api.telegram.org',
  webhookUrl: 'WEBHOOK_URL：应为 https:// 地址（Telegram 只通过 https 推送 webhook）',
  webhookSecret: 'WEBHOOK_SECRET：应为 1–256 个字符，只能用 A-Z a-z 0-9 _ -',
  databaseUrl: 'DATABASE_URL：应为 postgres://用户名:密码@主机:端口/数据库名',
  logLevel: (levels: readonly string[], value: string | undefined) => `LOG_LEVEL：应为 ${levels.join('、')} 之一，实际为“${value ?? ''}”`,
  timeZone: (zone: string) => `BOT_TIMEZONE：未知的时区“${zone}”（应为 IANA 时区名，如 Asia/Shanghai）`,
  webappUrl: 'WEBAPP_URL：应为不带 ?参数 和 #锚点 的 https:// 地址，如 https://bot.example.org/app/（Telegram 只通过 https 打开小程序）',
  requiredWith: (name: string, other: string) => `${name}：设置了 ${other} 时必须同时设置`,
});

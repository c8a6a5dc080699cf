/**
 * Everything the bot writes for people, one module per surface: a change of tone or a
 * second language touches only this folder. Layout, escaping, shortening and Telegram's
 * limits stay with the code that formats; it reads its words from here.
 * (Words the bot reads, the question and table vocabulary, live with their parsers in
 * src/qa and src/table.)
 */
export * from './alerts';
export * from './answers';
export * from './chat';
export * from './console';
export * from './dashboard';
export * from './import';
export * from './inline';
export * from './bulletin';
export * from './supervision';

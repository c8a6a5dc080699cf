import type { PAGE_WORDS } from '../../wording/dashboard';

/** The page's words: src/wording/dashboard.ts's PAGE_WORDS.script, which the server sends as words.js (loaded before app.js). */
export type PageWords = typeof PAGE_WORDS.script;

declare global {
  interface Window {
    PAGE_WORDS: PageWords;
    /** Telegram's desktop and mobile clients inject this into a Mini App's web view */
    TelegramWebviewProxy?: { postEvent(type: string, data: string): void };
  }
}

export const W: PageWords = window.PAGE_WORDS;

/** A word with its `{name}` marks filled. */
export const fill = (text: string, values: object): string => text.replace(/\{(\w+)\}/g, (_, name: string) => String((values as Record<string, unknown>)[name]));

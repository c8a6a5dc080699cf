/**
 * Launch parameters (the URL fragment): Telegram's signed launch data inside Telegram, or the
 * personal /weblink token in a browser; Telegram's theme; Telegram's events, without its script.
 */
const WEBLINK_KEY = 'dashboard-weblink';

const launch = new URLSearchParams(location.hash.slice(1));
const initData = launch.get('tgWebAppData');
const weblinkFromUrl = launch.get('weblink');
if (weblinkFromUrl) {
  localStorage.setItem(WEBLINK_KEY, weblinkFromUrl);
  // the token leaves the address bar (and so history, bookmarks and screenshots) at once
  history.replaceState(null, '', location.pathname + location.search);
}

/** what every API call carries; empty when the page was opened neither from Telegram nor by a link */
export const authorization = initData ? `tma ${initData}` : localStorage.getItem(WEBLINK_KEY) ? `Bearer ${localStorage.getItem(WEBLINK_KEY)}` : '';

/** A 401 in a browser: the token was revoked or expired, so it is not sent again. */
export const forgetWeblink = (): void => {
  if (!initData) localStorage.removeItem(WEBLINK_KEY);
};

/** Telegram's events to its client, without its script: the same calls telegram-web-app.js makes. */
export const postEvent = (type: string, data: object = {}): void => {
  try {
    if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent(type, JSON.stringify(data));
    else if (window.parent !== window) window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), '*');
  } catch {
    // not inside Telegram
  }
};

const THEME_VARS: Readonly<Record<string, string>> = {
  secondary_bg_color: '--bg',
  section_bg_color: '--panel',
  text_color: '--text',
  hint_color: '--hint',
  link_color: '--link',
  button_color: '--button',
  button_text_color: '--button-text',
};

export const applyTheme = (raw: string | null = launch.get('tgWebAppThemeParams')): void => {
  if (!raw) return;
  let theme: Record<string, unknown>;
  try {
    theme = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return;
  }
  const color = (key: string): string | undefined => (typeof theme[key] === 'string' && /^#[0-9a-f]{3,8}$/i.test(theme[key]) ? theme[key] : undefined);
  const root = document.documentElement;
  // the page background is Telegram's secondary colour, panels its main one, as Telegram's own lists look
  if (typeof theme.bg_color === 'string' && theme.bg_color) root.style.setProperty('--panel', theme.bg_color);
  for (const [key, name] of Object.entries(THEME_VARS)) {
    const value = color(key);
    if (value) root.style.setProperty(name, value);
  }
  const bg = typeof theme.bg_color === 'string' && theme.bg_color ? theme.bg_color : '#ffffff';
  const [r = 255, g = 255, b = 255] = bg.length >= 7 ? [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16)) : [];
  root.dataset.scheme = 0.299 * r + 0.587 * g + 0.114 * b < 128 ? 'dark' : 'light';
};

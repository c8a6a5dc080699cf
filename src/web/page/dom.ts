/** Class suffixes of the lights, in the board rows' order (0 red, 1 yellow, 2 green: LIGHT_ORDER in src/web/board.ts). */
export const LIGHTS = ['r', 'y', 'g'] as const;
export const LIGHT_KEYS = ['red', 'yellow', 'green'] as const;

/** An element of index.html by id; a missing one is a bug in the page, found on its first load. */
export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html has no #${id}`);
  return node as T;
};

export const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const SVG = 'http://www.w3.org/2000/svg';
export const svg = (tag: string, attrs: Record<string, string | number>, text?: string): SVGElement => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};

export const showMessage = (text: string): void => {
  $('message').textContent = text;
  $('message').hidden = !text;
};

/** The button (or other element) matching `selector` that an event happened in. */
export const closest = <T extends Element = HTMLElement>(event: Event, selector: string): T | null => (event.target instanceof Element ? event.target.closest<T>(selector) : null);

/** 10月10日 09:00 in the viewer's own clock */
export const localTime = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

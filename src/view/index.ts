/** The views, shared by the bot, the console and `npm run ask`. */
export { renderAnswer, renderTarget, changeText, VIEW_DEFAULTS, type RenderOptions, type RenderedPage } from './render-answer';
export { renderMessage, MESSAGE_LIMIT, type Format, type Line, type Span } from './message';

import type { TextRewrite } from './rewrite';

/** Two or more Han characters standing alone, each between spaces: 科 技 局. */
const SPACED = /(?<![\p{Script=Han}])\p{Script=Han}(?:[ \t\u3000]+\p{Script=Han}(?![\p{Script=Han}]))+/gu;

/**
 * Characters typed one at a time with spaces between (科 技 局, 王 昌 华), as a
 * phone keyboard leaves them, are one word again. Only a run of single
 * characters is joined: 看 科技局 keeps its space, so words stay apart.
 */
export const createSpacedRewrite = (): TextRewrite => ({
  name: 'spaced characters',
  rewrite: (text) => text.replace(SPACED, (run) => run.replace(/[ \t\u3000]+/g, '')),
});

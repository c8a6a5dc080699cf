import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '../..');

/**
 * node itself with tsx's loader, not the tsx CLI: the CLI runs the program in a
 * child process, and a SIGKILL to the CLI would leave the real program running.
 */
export const nodeWithTsx = (script: string, ...args: string[]): string[] => {
  const tsx = join(ROOT, 'node_modules/tsx/dist');
  return [process.execPath, '--require', join(tsx, 'preflight.cjs'), '--import', pathToFileURL(join(tsx, 'loader.mjs')).href, script, ...args];
};

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { outputOf } from './wait';

const ROOT = join(__dirname, '../..');

/**
 * node itself with tsx's loader, not the tsx CLI: the CLI runs the program in a
 * child process, and a SIGKILL to the CLI would leave the real program running.
 */
export const nodeWithTsx = (script: string, ...args: string[]): string[] => {
  const tsx = join(ROOT, 'node_modules/tsx/dist');
  return [process.execPath, '--require', join(tsx, 'preflight.cjs'), '--import', pathToFileURL(join(tsx, 'loader.mjs')).href, script, ...args];
};

export interface MainProcess {
  child: ChildProcess;
  /** stdout and stderr together, in arrival order */
  output: () => string;
  /** resolves with the exit code once the process has exited */
  exit: Promise<number | null>;
  exited(): boolean;
}

/**
 * `npm start` as a real process (src/main.ts through tsx's loader) in `cwd`, with a clean environment:
 * PATH, HOME = cwd, the shipped table as DATA_FILE, DB_PATH in cwd, LOG_LEVEL info, then `env`.
 */
export const spawnMain = (cwd: string, env: Record<string, string>): MainProcess => {
  const [node, ...args] = nodeWithTsx(join(ROOT, 'src/main.ts'));
  const child = spawn(node!, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, DATA_FILE: join(ROOT, 'data/heze-2022-q3.tsv'), DB_PATH: join(cwd, 'db.json'), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = outputOf(child);
  let exited = false;
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => ((exited = true), resolve(code))));
  return { child, output, exit, exited: () => exited };
};

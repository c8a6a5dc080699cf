import type { ChildProcess } from 'node:child_process';

/** Polls `check` until it holds; fails naming `what` it waited for after `timeoutMs`. */
export const until = async (check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Everything a child process writes, stdout and stderr interleaved as they arrive. */
export const outputOf = (child: ChildProcess): (() => string) => {
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return () => text;
};

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temp folder per test, removed afterwards. */
export const useTempDir = (): (() => string) => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tpb-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
};

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts file under a folder, for tests that read the source itself. */
export const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });

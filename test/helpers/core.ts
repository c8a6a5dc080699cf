import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildCore, type Core } from '../../src/core';

let shared: Core | undefined;

/**
 * The core the app and the CLIs build (src/core.ts), once per test file: OpenCC's dictionaries take
 * ~0.1 s to load. Its store is never opened here; tests that need one open their own in a temp folder.
 */
export const testCore = (): Core => (shared ??= buildCore({ dbPath: join(tmpdir(), 'tpb-unused', 'db.json'), databaseUrl: undefined }));

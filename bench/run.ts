/**
 * `npm run bench [-- NAME…]`: runs every benchmark in BENCHES, or only those named.
 * Add a bench by exporting `{ name, run }` from its module and listing it here.
 */
import { qaBench } from './qa';
import { botBench } from './bot';
import { alertsBench } from './alerts';
import { webBench } from './web';
import { storeBench } from './store';
import { replicasBench } from './replicas';
import { startupBench } from './startup';

export interface Bench {
  name: string;
  /** prints its results (Markdown) to stdout */
  run(): Promise<void>;
}

const BENCHES: Bench[] = [qaBench, botBench, alertsBench, webBench, storeBench, replicasBench, startupBench];

const main = async (): Promise<void> => {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    await bench.run();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

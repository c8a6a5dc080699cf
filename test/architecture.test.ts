import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { sourceFiles } from './helpers/source-files';

const SRC = resolve(__dirname, '../src');

// Every static specifier: `import … from`, `export … from`, bare `import '…'` and `import('…')`;
// type-only imports count too, since a type pulled from the transport is still a wrong arrow.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

const importsOf = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => m[1]!);

/** A relative specifier resolved to the source file it names, undefined for packages. */
const resolveImport = (from: string, specifier: string): string | undefined => {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(`${relative(SRC, from)}: import "${specifier}" names no file`);
};

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file).flatMap((s) => resolveImport(file, s) ?? [])]));
const within = (folder: string) => (file: string) => file.startsWith(join(SRC, folder) + sep);

describe('src layering', () => {
  it('reads the imports of every source file', () => {
    // a guard on the reader itself: the graph must see the composition root's wiring
    expect(graph.get(join(SRC, 'app.ts'))).toEqual(expect.arrayContaining([join(SRC, 'bot/index.ts'), join(SRC, 'current-report.ts')]));
  });

  it.each(['alerts', 'store'])('keeps src/%s free of imports from src/bot', (folder) => {
    // the domain decides who hears what; the bot turns it into Telegram calls, never the other way
    const wrong = files.filter(within(folder)).flatMap((file) =>
      graph
        .get(file)!
        .filter(within('bot'))
        .map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
    );
    expect(wrong).toEqual([]);
  });

  it.each(['bot', 'web'])('keeps src/%s free of imports from src/table: an upload goes through the use case in src/import/upload.ts', (folder) => {
    // the table's errors and header problems reach a person only as src/import words them, one flow for every place
    const wrong = files.filter(within(folder)).flatMap((file) =>
      graph
        .get(file)!
        .filter(within('table'))
        .map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
    );
    expect(wrong).toEqual([]);
  });

  it('reaches the bot from outside src/bot only through its face, src/bot/index.ts', () => {
    const wrong = files
      .filter((file) => !within('bot')(file))
      .flatMap((file) =>
        graph
          .get(file)!
          .filter((target) => within('bot')(target) && target !== join(SRC, 'bot/index.ts'))
          .map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
      );
    expect(wrong).toEqual([]);
  });

  it("asks the store what it can do instead of branching on its backend's name", () => {
    const named = files.filter((file) => !within('store')(file) && /\.backend\s*===|backend\s*===\s*['"](lowdb|postgres)['"]/.test(readFileSync(file, 'utf8'))).map((file) => relative(SRC, file));
    expect(named).toEqual([]);
  });

  it('has no import cycle', () => {
    const done = new Set<string>();
    const onPath: string[] = [];
    const cycles: string[] = [];
    const visit = (file: string): void => {
      const at = onPath.indexOf(file);
      if (at >= 0) {
        cycles.push([...onPath.slice(at), file].map((f) => relative(SRC, f)).join(' → '));
        return;
      }
      if (done.has(file)) return;
      onPath.push(file);
      for (const next of graph.get(file)!) visit(next);
      onPath.pop();
      done.add(file);
    };
    for (const file of files) visit(file);
    expect(cycles).toEqual([]);
  });

  it('makes every HTTP server through src/http/server.ts, whose guard answers what a request throws', () => {
    // a request listener outside the guard can end the process with one odd request (issue 20.1)
    const makers = files
      .filter((file) => file !== join(SRC, 'http/server.ts'))
      .filter((file) => /\bcreateServer\b|\.on\(\s*['"]request['"]/.test(readFileSync(file, 'utf8')) && /['"](node:)?https?['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(makers).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { sourceFiles } from '../helpers/source-files';
import { loadAssets } from '../../src/web/assets';
import { PAGE_WORDS } from '../../src/wording/dashboard';

const SRC = resolve(__dirname, '../../src');
const CJK = /[\u3400-\u9fff]/;

/** Folders whose Chinese is vocabulary the bot reads (questions, table cells, normalising), or the catalogues themselves. */
const VOCABULARY_OR_WORDING = ['qa', 'table', 'text', 'wording'];

/**
 * Files outside those folders that may hold Chinese string literals, and why: each is a word the
 * bot reads, never one it writes. With `literals`, only those literals are allowed in that file.
 */
const ALLOWED: Record<string, { reason: string; literals?: string[] }> = {
  'model.ts': { reason: 'the table header names the bot reads a report by' },
  'progress/extract.ts': { reason: 'measure words and labels read from progress texts' },
  'progress/numbers.ts': { reason: 'number words and measure units read from progress texts' },
  'alerts/resolve-filter.ts': { reason: 'what a user writes for "everything" after /subscribe', literals: ['全部', '所有', '全部滞后', '全部滞后项目', '所有滞后项目'] },
  'bot/features/subscribe.ts': { reason: '/unsubscribe 全部: the argument word read', literals: ['全部', '所有'] },
  'bot/features/yellow.ts': { reason: '/yellow 开 or 关: the argument words read', literals: ['开', '开启', '打开', '关', '关闭', '取消'] },
  'bot/features/digest.ts': { reason: '/digest 关闭: the argument words read', literals: ['关闭', '取消'] },
  'bot/features/dashboard.ts': { reason: '/weblink 关: the argument words read', literals: ['关', '关闭', '停用', '取消'] },
  'supervision/chat-schedule.ts': { reason: '/remindset 默认, 关, 每周关, 提前关: the argument words read', literals: ['默认', '关', '每周关', '提前关'] },
  'cli/console.ts': { reason: 'the page-turn and exit words typed in the console', literals: ['下一页', '下页', '更多', '上一页', '上页', '退出'] },
};

/** The text of every string and template literal of a file (comments and regular expressions are not literals). */
const stringLiterals = (file: string): string[] => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

const chineseLiterals = new Map(
  sourceFiles(SRC)
    .map((file) => [relative(SRC, file).split('\\').join('/'), stringLiterals(file).filter((text) => CJK.test(text))] as const)
    .filter(([, literals]) => literals.length > 0),
);

describe('wording catalogues', () => {
  it('finds the Chinese literals of the catalogues, so the scan reads what it should', () => {
    expect(chineseLiterals.get('wording/chat.ts')).toEqual(expect.arrayContaining(['这个列表已过期，请重新提问。']));
    // a template's parts count: 第${id}项不在当前数据中。
    expect(chineseLiterals.get('wording/chat.ts')).toEqual(expect.arrayContaining(['项不在当前数据中。']));
  });

  it('keeps every written Chinese text in src/wording', () => {
    // changing the tone or adding a language must touch only src/wording; the read vocabulary stays with its parser
    const strays = [...chineseLiterals].flatMap(([file, literals]) => {
      if (VOCABULARY_OR_WORDING.some((folder) => file.startsWith(`${folder}/`))) return [];
      const allowed = ALLOWED[file];
      if (allowed && !allowed.literals) return [];
      return literals.filter((text) => !allowed?.literals?.includes(text)).map((text) => `${file}: ${JSON.stringify(text)}`);
    });
    expect(strays).toEqual([]);
  });

  it('keeps the dashboard page (src/web/public, src/web/page) free of written Chinese: its words come from PAGE_WORDS', () => {
    // its words reach it through words.js and index.html's {{marks}} (src/web/assets.ts); its script's typed
    // modules (src/web/page/*.ts) are among the source files the test above scans, with no allowance
    expect([...chineseLiterals.keys()].filter((file) => file.startsWith('web/page/'))).toEqual([]);
    expect(sourceFiles(join(SRC, 'web/page')).map((file) => relative(SRC, file).split('\\').join('/'))).toEqual(expect.arrayContaining(['web/page/main.ts', 'web/page/board-view.ts']));
    expect(Object.keys(ALLOWED).filter((file) => file.startsWith('web/'))).toEqual([]);
    const PUBLIC = join(SRC, 'web/public');
    const strays = readdirSync(PUBLIC).flatMap((name) => {
      const file = join(PUBLIC, name);
      if (name.endsWith('.js'))
        return stringLiterals(file)
          .filter((text) => CJK.test(text))
          .map((text) => `web/public/${name}: ${JSON.stringify(text)}`);
      if (name.endsWith('.html') || name.endsWith('.svg')) {
        const text = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
        return [...text.matchAll(/[^<>"{}\n]*[\u3400-\u9fff][^<>"{}\n]*/g)].map((m) => `web/public/${name}: ${JSON.stringify(m[0].trim())}`);
      }
      return [];
    });
    expect(strays).toEqual([]);
    // and every mark is filled: the served page has the catalogue's words and no mark left
    const page = loadAssets().get('index.html')!.body.bytes.toString('utf8');
    expect(page).not.toContain('{{');
    expect(page).toContain(`<title>${PAGE_WORDS.html.title}</title>`);
  });

  it('lists no exception that is no longer needed', () => {
    const stale = Object.entries(ALLOWED).flatMap(([file, { literals }]) => {
      const present = chineseLiterals.get(file) ?? [];
      if (present.length === 0) return [`${file}: no Chinese literal left`];
      return (literals ?? []).filter((text) => !present.includes(text)).map((text) => `${file}: ${JSON.stringify(text)} no longer there`);
    });
    expect(stale).toEqual([]);
  });
});

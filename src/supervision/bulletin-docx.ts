import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import { BULLETIN_WORDS as W } from '../wording';
import { overviewLines, type Bulletin, type BulletinGroup } from './bulletin';

/**
 * The bulletin as a Word document (docx library): the layout of a 督查室 通报 — a centred title,
 * the date line, numbered sections with the overview in prose and the figures in tables.
 *
 * Fonts are named as Chinese offices have them (黑体 for headings, 仿宋 for text); Word and
 * LibreOffice substitute an installed CJK font when one is missing, so the text always shows.
 */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: W.fonts.body };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: W.fonts.heading };
/** half-points: 三号 16 pt for text, 二号 22 pt for the title, 五号 10.5 pt in tables */
const SIZE = { title: 44, text: 32, table: 21 } as const;

const run = (text: string, options: IRunOptions = {}): TextRun => new TextRun({ text, font: BODY_FONT, size: SIZE.text, ...options });

/** Text with line breaks as Word line breaks (a progress text of several assignments). */
const lines = (text: string, options: IRunOptions): TextRun[] =>
  text.split('\n').map((line, i) => new TextRun({ text: line, font: BODY_FONT, size: SIZE.table, ...options, ...(i > 0 ? { break: 1 } : {}) }));

const heading = (text: string): Paragraph => new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: [run(text, { font: HEADING_FONT })] });

const prose = (text: string): Paragraph => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 360 }, children: [run(text)] });

const cell = (text: string, options: { bold?: boolean; width?: number; center?: boolean } = {}): TableCell =>
  new TableCell({
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ ...(options.center ? { alignment: AlignmentType.CENTER } : {}), children: lines(text, { bold: options.bold ?? false }) })],
  });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A table with a bold header row that repeats on every page. */
const table = (header: string[], rows: string[][], widths: number[], centered: readonly number[] = []): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, width: widths[i] ?? 0, center: true })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, { width: widths[i] ?? 0, center: centered.includes(i) })) })),
    ],
  });

const C = W.columns;

const groupTable = (nameHeader: string, groups: readonly BulletinGroup[]): Table =>
  table(
    [C.id, nameHeader, C.total, C.lagging, C.rate],
    groups.map((g, i) => [String(i + 1), g.name, String(g.total), String(g.lagging), W.rate(g.rate)]),
    [8, 44, 16, 14, 18],
    [0, 2, 3, 4],
  );

/** The .docx bytes of a bulletin. */
export const renderBulletinDocx = async (b: Bulletin): Promise<Buffer> => {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(b.title, { font: HEADING_FONT, size: SIZE.title, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run([b.asOf, b.generated].filter(Boolean).join('　'), { size: SIZE.table })] }),
    heading(W.overviewHeading),
    ...overviewLines(b).map(prose),
    heading(W.unitsHeading),
    groupTable(C.unit, b.byUnit),
    heading(W.leadersHeading),
    groupTable(C.leader, b.byLeader),
    heading(W.laggingHeading),
    ...(b.lagging.length === 0
      ? [prose(W.noneLagging)]
      : [
          table(
            [C.id, C.text, C.unit, C.deadline, C.progress, C.replies],
            b.lagging.map((t) => [t.id, t.text, t.units.join('\n'), t.deadline, t.progress, t.replies.join('\n') || W.noReply]),
            [8, 22, 14, 10, 22, 24],
            [0],
          ),
        ]),
    heading(W.silentHeading),
    ...(b.silent.length === 0
      ? [prose(b.reminded === 0 ? W.noReminders : W.noneSilent)]
      : [
          table(
            [C.unit, C.times, C.lastReminded, C.missing],
            b.silent.map((s) => [s.unit, String(s.times), s.lastReminded, s.missing.join('、')]),
            [34, 14, 22, 30],
            [1],
          ),
        ]),
    new Paragraph({ spacing: { before: 240 }, children: [run(b.source, { size: SIZE.table })] }),
  ];
  const document = new Document({
    creator: 'target-progress-bot',
    title: b.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE.text } } } },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } } }, children }],
  });
  return Packer.toBuffer(document);
};

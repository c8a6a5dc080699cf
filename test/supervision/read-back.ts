import ExcelJS from 'exceljs';
import { buffer } from 'node:stream/consumers';
import { entryStream, zipEntries } from '../../src/table/zip';

/** The text of a .docx: word/document.xml's runs, one line per paragraph, as a reader would see it. */
export const docxText = async (bytes: Buffer): Promise<string> => {
  const entry = zipEntries(bytes)?.find((e) => e.name === 'word/document.xml');
  if (!entry) throw new Error('no word/document.xml in the .docx');
  const xml = (await buffer(entryStream(bytes, entry))).toString('utf8');
  const unescapeXml = (s: string): string =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[0] === '<w:br/>' ? '\n' : unescapeXml(m[1] ?? ''))).join(''))
    .filter((line) => line !== '')
    .join('\n');
};

/** Every sheet of an .xlsx as rows of cell values (row 1 is the header), read with exceljs. */
export const xlsxSheets = async (bytes: Buffer): Promise<Map<string, unknown[][]>> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return sheets;
};

import { TableError } from './errors';

export type Decoded = { kind: 'text'; text: string; encoding: 'utf-8' | 'gb18030' } | { kind: 'xlsx' };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Old binary .xls (OLE compound file) and other formats people mistake for tables. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Buffer, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/**
 * Tells what a file is by its content, never by its name: an .xlsx workbook, or
 * text in UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"),
 * or GB18030/GBK, which Chinese Excel and WPS write by default.
 *
 * UTF-8 is tried strictly first: GBK bytes are almost never valid UTF-8, while
 * UTF-8 bytes often decode as (wrong) GBK, so the order matters.
 */
export const decodeTable = (bytes: Buffer, file: string): Decoded => {
  if (bytes.length === 0) throw new TableError('empty', { file }, 'the file is empty');
  if (startsWith(bytes, ZIP_MAGIC)) return { kind: 'xlsx' };
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new TableError('old-xls', { file }, 'this is an old binary .xls workbook; save it as .xlsx, CSV or tab-separated text');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', file);

  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) throw new TableError('binary', { file }, 'this is a binary file, not a table (expected TSV, CSV or .xlsx)');
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to GB18030, a superset of GBK and GB2312
  }
  try {
    return { kind: 'text', text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030' };
  } catch {
    throw new TableError('encoding', { file }, 'the text is neither UTF-8 nor GB18030/GBK; save the table as UTF-8');
  }
};

const utf16 = (body: Buffer, label: 'utf-16le' | 'utf-16be', file: string): Decoded => {
  try {
    // Reported as utf-8 because that is what the text now is; the source had a BOM that said otherwise.
    return { kind: 'text', text: new TextDecoder(label, { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    throw new TableError('encoding', { file, bom: 'UTF-16' }, `the file starts with a ${label} byte-order mark but is not valid ${label}`);
  }
};

/** NUL bytes or many control characters in the first 8 KB mean the file is not text. */
const looksBinary = (bytes: Buffer): boolean => {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control += 1;
  }
  return control > sample.length * 0.01 + 2;
};

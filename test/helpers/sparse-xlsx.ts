/**
 * A small .xlsx holding millions of near-empty rows, built without a spreadsheet library:
 * the sheet's XML is deflated as it is generated, so the test never holds it unpacked.
 * 6.5 million rows make a file of a few hundred KB that unpacks to ~180 MB, under the
 * unpacked-size check: only reading the rows can tell it is too big.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const FIXED: Record<string, string> = {
  '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  '_rels/.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
};

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

/** The sheet, deflated as a stream while it is generated: the unpacked XML is never held whole. */
const sheetEntry = async (rows: number, rowXml: string): Promise<Entry> => {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  const write = async (buf: Buffer): Promise<void> => {
    crc = crc32(buf, crc);
    size += buf.length;
    if (!deflate.write(buf)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(`${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`));
  // Near-empty rows, all alike (as a sheet with one stray format applied to a whole column can be): deflate makes them almost free.
  const STEP = 100_000;
  const block = Buffer.from(rowXml.repeat(STEP));
  for (let done = 0; done < rows; done += STEP) {
    await write(rows - done >= STEP ? block : block.subarray(0, (block.length / STEP) * (rows - done)));
  }
  await write(Buffer.from('</sheetData></worksheet>'));
  deflate.end();
  await ended;
  return { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(out), crc: crc >>> 0, size };
};

const entryOf = (name: string, text: string): Entry => {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), crc: crc32(raw) >>> 0, size: raw.length };
};

/** A zip of deflated entries with a central directory, as Excel writes it. */
const zip = (entries: Entry[]): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

/** An .xlsx whose first sheet has `rows` rows of one empty cell each (or `rowXml` each, all alike). */
export const sparseXlsx = async (rows: number, rowXml = '<row r="1"><c r="A1"/></row>'): Promise<Buffer> =>
  zip([...Object.entries(FIXED).map(([name, text]) => entryOf(name, text)), await sheetEntry(rows, rowXml)]);

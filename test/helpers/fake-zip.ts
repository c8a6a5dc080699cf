/**
 * A zip with one stored entry whose central directory claims `size` uncompressed bytes and holds no data:
 * a zip bomb to the size check when `size` is large. `localHeaderAt` is where the directory says the
 * entry's local header is; pointing past the file makes the workbook damaged rather than large.
 */
export const fakeZip = (size: number, localHeaderAt = 0): Buffer => {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(localHeaderAt, 42);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(local.length + name.length, 16);
  return Buffer.concat([local, name, central, name, eocd]);
};

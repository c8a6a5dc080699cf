/** Limits on what the importer accepts; a table beyond them is rejected whole. */
export const TABLE_LIMITS = Object.freeze({
  /**
   * bytes of a table file read by `npm run import` or the inbox: 100,000 targets with
   * ordinary cells take about 50 MB of TSV, so the row limit, not this, is what binds
   */
  maxFileBytes: 64 * 1024 * 1024,
  /** bytes of a table sent in the chat: Telegram's getFile serves at most 20 MB (a self-hosted Bot API server more) */
  maxUploadBytes: 20 * 1024 * 1024,
  /** data rows below the header */
  maxRows: 100_000,
  /** sum of uncompressed entry sizes inside an .xlsx: a zip bomb expands far beyond its file size */
  maxXlsxUnpackedBytes: 200 * 1024 * 1024,
  /** how many rows from the top to look through for the header */
  headerSearchRows: 50,
  /** columns of one .xlsx row: a table has about ten; this stops a row of 16,384 cells */
  maxXlsxColumns: 256,
  /**
   * cells of a whole .xlsx workbook (every sheet), counted while it is streamed. A workbook within
   * this is then built whole by exceljs (merged cells need its full reader), at about 0.7 KB a cell:
   * 280,000 cells peaked at 317 MB RSS, 700,000 at 604 MB (bench/xlsx-refuse.ts). 250,000 keeps an
   * upload near 300 MB; a larger table goes in as CSV, which is read row by row up to maxRows.
   */
  maxXlsxCells: 250_000,
});

/** The file names an upload may have (the chat and the dashboard accept the same). */
export const TABLE_FILE_NAME = /\.(tsv|csv|txt|xlsx)$/i;

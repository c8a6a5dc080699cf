/** Limits on what the importer accepts; a table beyond them is rejected whole. */
export const TABLE_LIMITS = Object.freeze({
  /** bytes of the uploaded file (Telegram's own getFile limit is 20 MB too) */
  maxFileBytes: 20 * 1024 * 1024,
  /** data rows below the header */
  maxRows: 100_000,
  /** sum of uncompressed entry sizes inside an .xlsx: a zip bomb expands far beyond its file size */
  maxXlsxUnpackedBytes: 200 * 1024 * 1024,
  /** how many rows from the top to look through for the header */
  headerSearchRows: 50,
});

/** The file names an upload may have (the chat and the dashboard accept the same). */
export const TABLE_FILE_NAME = /\.(tsv|csv|txt|xlsx)$/i;

/** Why the store could not be opened or written; the message names the file or database. */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: 'corrupt' | 'unsupported-version' | 'locked' | 'write-failed' | 'not-empty' | 'read-only',
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

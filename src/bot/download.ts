import type { Telegram } from 'telegraf';
import type { AlertsDeps } from './features/alerts-deps';

/** How long a download may take before it is abandoned. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * Streams the file, counting bytes as they arrive: undefined as soon as it passes `maxBytes`
 * (a lying or self-hosted Bot API server can serve far more than the document declared),
 * without holding more than the limit.
 */
const defaultDownload = async (url: URL, maxBytes: number): Promise<Buffer | undefined> => {
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok || !response.body) throw new Error(`download failed: HTTP ${response.status}`);
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
};

/**
 * A document's bytes by its file_id (getFile, then the file's URL), or undefined when it is over
 * the upload limit. A file_id stays valid, so a later update, on any replica, can fetch the file again.
 */
export const downloadDocument = async (telegram: Telegram, fileId: string, alerts: Pick<AlertsDeps, 'download' | 'maxUploadBytes'>): Promise<Buffer | undefined> => {
  const link = await telegram.getFileLink(fileId);
  const bytes = await (alerts.download ?? defaultDownload)(link, alerts.maxUploadBytes);
  return bytes === undefined || bytes.length > alerts.maxUploadBytes ? undefined : bytes;
};

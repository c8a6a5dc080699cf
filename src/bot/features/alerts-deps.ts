import type { Query } from '../../qa/answer';
import type { Upload } from '../../import/upload';
import type { AlertSettings } from '../../alerts/config';
import type { FilterMatcher } from '../../alerts/filters';
import type { SettingsStore, SubscriptionStore } from '../../store/ports';

/**
 * What the alerts features (subscribe, digest, upload) need beyond BotDeps,
 * passed in by the composition root.
 */
export interface AlertsDeps {
  subscriptions: SubscriptionStore;
  /** small state a later update needs, on whatever replica it lands (an upload waiting for its column answers) */
  chatState: SettingsStore;
  /** the question engine's parser over the current report (engine.understand) */
  understand(text: string): Query;
  matcher: FilterMatcher;
  /** the upload use case over the importer src/app.ts built (its onImported enqueues the alerts) */
  upload: Upload;
  settings: Readonly<AlertSettings>;
  /** BOT_TIMEZONE */
  timezone: string;
  /** uploads larger than this are refused before downloading (Telegram's getFile stops at 20 MB) */
  maxUploadBytes: number;
  /** downloads a file Telegram serves, undefined once it passes maxBytes; streamed global fetch by default (tests use the fake server over HTTP anyway) */
  download?: (url: URL, maxBytes: number) => Promise<Buffer | undefined>;
}

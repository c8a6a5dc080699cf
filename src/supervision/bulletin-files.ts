import type { Engine } from '../qa/engine';
import { BULLETIN_WORDS as W } from '../wording';
import { buildBulletin, type BulletinReminder, type BulletinReply } from './bulletin';
import { renderBulletinDocx } from './bulletin-docx';
import { renderBulletinXlsx } from './bulletin-xlsx';
import { renderTargetsXlsx } from './export-xlsx';
import type { Target } from '../model';

/** A file to hand to a person: Telegram's sendDocument or the dashboard's download. */
export interface OutgoingFile {
  fileName: string;
  bytes: Buffer;
  mimeType: string;
}

export const MIME = Object.freeze({
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
});

/** Longest file name stem we give, characters: Telegram shows about this much, and Windows paths stay short. */
const MAX_STEM = 80;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a file name must not hold
const NOT_IN_FILE_NAMES = /[\u0000-\u001f\u007f\\/:*?"<>|]+/g;

/**
 * A file name safe on every system a file lands on and in a multipart header: no path
 * separators, quotes, control or reserved characters (\ / : * ? " < > |), no leading dots,
 * at most MAX_STEM characters before the extension; 'file' when nothing is left.
 *
 * @example safeFileName('菏泽市/2022"通报', 'docx') → '菏泽市_2022_通报.docx'
 */
export const safeFileName = (stem: string, ext: string): string => {
  const cleaned = [
    ...stem
      .replace(NOT_IN_FILE_NAMES, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s]+/, ''),
  ]
    .slice(0, MAX_STEM)
    .join('');
  return `${cleaned || 'file'}.${ext}`;
};

export interface BulletinFilesDeps {
  /** the engine over the current report: its statistics are the bulletin's figures */
  engine: () => Pick<Engine, 'report' | 'askAs'>;
  /** this period's reminders and replies (the supervision store, adapted); empty lists before any */
  records: () => Promise<{ reminders: readonly BulletinReminder[]; replies: readonly BulletinReply[] }>;
  /** BOT_TIMEZONE: the times written in the bulletin */
  timezone: string;
  now?: () => Date;
}

export interface BulletinFiles {
  /** the current period's bulletin as .docx and .xlsx */
  bulletin(): Promise<{ title: string; docx: OutgoingFile; xlsx: OutgoingFile }>;
  /** some targets (a list answer's) as .xlsx */
  targets(targets: readonly Target[]): Promise<OutgoingFile>;
}

/**
 * The one use case behind /report, the dashboard's download and the 导出 button: the chat and
 * the page only hand the files on.
 */
export const createBulletinFiles = (deps: BulletinFilesDeps): BulletinFiles => ({
  async bulletin() {
    const engine = deps.engine();
    const stats = engine.askAs('stats', '').stats;
    if (!stats) throw new Error('the statistics answer carried no figures');
    const { reminders, replies } = await deps.records();
    const content = buildBulletin({ report: engine.report, stats, reminders, replies, now: deps.now?.() ?? new Date(), timezone: deps.timezone });
    const [docx, xlsx] = await Promise.all([renderBulletinDocx(content), renderBulletinXlsx(content)]);
    return {
      title: content.title,
      docx: { fileName: safeFileName(content.title, 'docx'), bytes: docx, mimeType: MIME.docx },
      xlsx: { fileName: safeFileName(content.title, 'xlsx'), bytes: xlsx, mimeType: MIME.xlsx },
    };
  },
  async targets(targets) {
    const { year, period } = deps.engine().report;
    const title = W.exportFileName(year, period);
    return { fileName: safeFileName(title, 'xlsx'), bytes: await renderTargetsXlsx(title, targets), mimeType: MIME.xlsx };
  },
});

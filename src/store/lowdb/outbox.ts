import { closeSync, openSync, readFileSync, unlinkSync, writeSync, fdatasyncSync } from 'node:fs';
import type { Low } from 'lowdb';
import { alertEvents, applyAlertEvent, newAlertRecord, type AlertEvent } from '../alert-events';
import type { OutboxStore } from '../ports';
import type { Alert } from '../types';
import { commit, openJsonFile } from './db';
import { journalFiles, replayJournal, type DamagedLine } from './journal';
import { emptyOutbox, type OutboxSchema } from './schema';

/**
 * The lowdb outbox. Alerts are written to the outbox file (one write per batch)
 * before any is sent. Delivery progress — "about to send", "Telegram accepted",
 * "retry later", "failed" — goes to an append-only journal next to the store,
 * one short line per event written synchronously, because rewriting the whole
 * lowdb file after every message would cost megabytes per send. The journal is
 * folded into the lowdb file from time to time (compact) and replayed on open.
 *
 * Crash safety (SIGKILL): a journal line is in the kernel's page cache as soon
 * as writeSync returns, so it survives the process dying; the outbox trusts it
 * on restart. (Power loss needs `fsync: true`.) The one window that cannot be
 * closed is Telegram accepting a message while the process dies before reading
 * the answer: such an alert has a "sending" line and nothing after it, is
 * reported as `uncertain` on open, and is sent again (at-least-once). At most
 * one alert per chat and `concurrency` alerts in total can be in that window.
 */

export interface OutboxOptions {
  /** the outbox's lowdb file */
  path: string;
  /** journal files are `<journalPath>.<n>` */
  journalPath: string;
  /** move a corrupt outbox file aside and start empty */
  recover?: boolean;
  now?: () => Date;
  /** delivered and failed alerts older than this are pruned on compaction */
  keepDays?: number;
  /** fdatasync every journal line: survives power loss, costs a disk flush per line */
  fsync?: boolean;
  /** compact after this many journal lines */
  compactAfterLines?: number;
  /** with `recover`: a damaged journal line that was skipped */
  onSkip?: (damage: DamagedLine) => void;
}

type JournalLine = AlertEvent & { id: string };

/** Opens the outbox file: replays journals left by a previous process, then compacts. */
export const openLowdbOutbox = async (options: OutboxOptions): Promise<OutboxStore & { close(): Promise<void> }> => {
  const db: Low<OutboxSchema> = await openJsonFile(options.path, emptyOutbox(), options.recover ?? false);
  const now = options.now ?? (() => new Date());
  const keepMs = (options.keepDays ?? 30) * 86_400_000;
  const compactAfterLines = options.compactAfterLines ?? 5000;
  db.data.outbox ??= [];
  db.data.fanOuts ??= [];

  const byId = new Map(db.data.outbox.map((a) => [a.id, a]));
  let nextSeq = db.data.outbox.reduce((m, a) => Math.max(m, a.seq ?? 0), 0) + 1;

  // --- replay ---------------------------------------------------------------------------------
  const leftovers = journalFiles(options.journalPath);
  const lastOp = new Map<string, JournalLine['op']>();
  for (const file of leftovers) {
    replayJournal<JournalLine>(
      file.path,
      readFileSync(file.path, 'utf8'),
      (line) => {
        const alert = byId.get(line.id);
        if (!alert) return; // pruned since
        applyAlertEvent(alert, line);
        lastOp.set(line.id, line.op);
      },
      { recover: options.recover ?? false, onSkip: options.onSkip },
    );
  }
  const uncertain = [...lastOp].filter(([id, op]) => op === 'S' && byId.get(id)?.state === 'pending').map(([id]) => id);

  // --- journal --------------------------------------------------------------------------------
  let fileNo = (leftovers.at(-1)?.n ?? 0) + 1;
  let fd = openSync(`${options.journalPath}.${fileNo}`, 'a');
  let lines = 0;
  let toDelete = leftovers.map((f) => f.path);
  const listeners = new Set<(alerts: Alert[]) => void>();
  let compacting: Promise<void> = Promise.resolve();
  let closed = false;

  const journal = async (event: AlertEvent, alert: Alert): Promise<void> => {
    const line: JournalLine = { id: alert.id, ...event };
    if (closed) throw new Error(`outbox journal ${options.journalPath} is closed; cannot record ${line.op} for ${line.id}`);
    // Written before memory changes: if this throws, memory still says what the disk says.
    writeSync(fd, `${JSON.stringify(line)}\n`);
    if (options.fsync) fdatasyncSync(fd);
    // The worker's copy and ours: the store hands out copies, as a database would.
    applyAlertEvent(alert, event);
    const own = byId.get(alert.id);
    if (own && own !== alert) applyAlertEvent(own, event);
    lines += 1;
    if (lines >= compactAfterLines) void store.compact().catch(() => undefined);
  };

  const copy = (alert: Alert): Alert => ({ ...alert });
  const store: OutboxStore & { close(): Promise<void> } = {
    async enqueue(alerts, fanOut) {
      const fresh: Alert[] = [];
      const seen = new Set<string>();
      const createdAt = now().toISOString();
      for (const a of alerts) {
        if (byId.has(a.id) || seen.has(a.id)) continue;
        seen.add(a.id);
        fresh.push(newAlertRecord(a, createdAt, 0));
      }
      if (fresh.length === 0 && !fanOut) return [];
      const firstSeq = nextSeq;
      await commit(db, (data) => {
        fresh.forEach((a, i) => (a.seq = firstSeq + i));
        const before = data.outbox.length;
        data.outbox.push(...fresh);
        const record = fanOut ? { ...fanOut, at: createdAt } : undefined;
        if (record) data.fanOuts.push(record);
        return {
          result: undefined,
          undo: () => {
            data.outbox.length = before;
            if (record) data.fanOuts.splice(data.fanOuts.indexOf(record), 1);
          },
        };
      });
      nextSeq = firstSeq + fresh.length;
      for (const a of fresh) byId.set(a.id, a);
      if (fresh.length > 0) for (const listener of listeners) listener(fresh.map(copy));
      return fresh.map(copy);
    },
    pending: async () =>
      db.data.outbox
        .filter((a) => a.state === 'pending')
        .sort((a, b) => a.seq - b.seq)
        .map(copy),
    get: async (id) => {
      const alert = byId.get(id);
      return alert && copy(alert);
    },
    all: async () => db.data.outbox.map(copy),
    uncertain,
    hasFanOut: async (report) => db.data.fanOuts.some((f) => f.report === report),
    fanOuts: async () => db.data.fanOuts.map((f) => ({ ...f })),
    markSending: (alert) => journal(alertEvents.sending(alert), alert),
    markSent: (alert, messageId) => journal(alertEvents.sent(now(), messageId), alert),
    markRetry: (alert, notBefore, error) => journal(alertEvents.retry(alert, notBefore, error), alert),
    markFailed: (alert, error) => journal(alertEvents.failed(alert, now(), error), alert),
    async restore(alerts, fanOuts) {
      const restored = alerts.map(copy);
      await commit(db, (data) => {
        const before = { outbox: data.outbox, fanOuts: data.fanOuts };
        data.outbox = [...data.outbox, ...restored];
        data.fanOuts = [...data.fanOuts, ...fanOuts.map((f) => ({ ...f }))];
        return { result: undefined, undo: () => Object.assign(data, before) };
      });
      for (const a of restored) byId.set(a.id, a);
      nextSeq = restored.reduce((m, a) => Math.max(m, a.seq + 1), nextSeq);
    },
    onEnqueued(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    compact() {
      // A failed write must not wedge later compactions: each one starts from a settled chain.
      compacting = compacting
        .catch(() => undefined)
        .then(async () => {
          if (closed || (lines === 0 && toDelete.length === 0)) return;
          // Switch to a fresh journal first: the snapshot lowdb writes below holds every event of the
          // old one (each was applied to memory when it was written), and events from now on go to the new one.
          closeSync(fd);
          toDelete.push(`${options.journalPath}.${fileNo}`);
          fileNo += 1;
          fd = openSync(`${options.journalPath}.${fileNo}`, 'a');
          lines = 0;
          const cutoff = now().getTime() - keepMs;
          await commit(db, (data) => {
            const before = data.outbox;
            data.outbox = before.filter((a) => a.state === 'pending' || Date.parse(a.sentAt ?? a.createdAt) >= cutoff);
            for (const a of before) if (!data.outbox.includes(a)) byId.delete(a.id);
            // Pruning is not undone on a failed write: memory may forget old records the file still holds.
            return { result: undefined, undo: () => undefined };
          });
          for (const path of toDelete) {
            try {
              unlinkSync(path);
            } catch {
              // already gone
            }
          }
          toDelete = [];
        });
      return compacting;
    },
    async close() {
      if (closed) return;
      await store.compact();
      closed = true;
      closeSync(fd);
      // An empty journal need not outlive us.
      if (lines === 0) {
        try {
          unlinkSync(`${options.journalPath}.${fileNo}`);
        } catch {
          // fine
        }
      }
    },
  };

  await store.compact();
  return store;
};

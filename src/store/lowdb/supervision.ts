import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { StoreError } from '../errors';
import type { SupervisionStore } from '../ports';
import { newRecordId, type AwaitedReply, type Binding, type FeedbackReply, type Reminder } from '../types';
import { replayJournal, type DamagePolicy } from './journal';

/**
 * One change of the supervision records, as a journal line. Each says what to set, so that
 * replaying the file gives what the changes gave when they were made.
 */
type SupervisionChange =
  | { op: 'binding'; binding: Binding }
  | { op: 'unbind'; id: string }
  | { op: 'reminder'; reminder: Reminder }
  | { op: 'reply'; reply: FeedbackReply }
  | { op: 'await'; key: string; awaited: AwaitedReply | null };

/**
 * The supervision records of a lowdb store: an append-only file beside DB_PATH, one line per change,
 * read whole on open. A /bind, a reminder or a reply writes one short line instead of rewriting
 * DB_PATH; the records are few (units × periods), so the file is never folded. A torn last line
 * (SIGKILL mid-append) is a change that did not finish and is skipped; other damage follows `damage`
 * (replayJournal: refuse to open, or skip and report with --recover-db).
 */
export const openLowdbSupervision = (path: string, damage: DamagePolicy, now: () => Date = () => new Date()): SupervisionStore & { close(): void } => {
  const bindings = new Map<string, Binding>();
  const reminders = new Map<string, Reminder>();
  const replies: FeedbackReply[] = [];
  const waits = new Map<string, AwaitedReply>();

  const apply = (change: SupervisionChange): void => {
    switch (change.op) {
      case 'binding':
        bindings.set(change.binding.id, change.binding);
        return;
      case 'unbind':
        bindings.delete(change.id);
        return;
      case 'reminder':
        if (!reminders.has(change.reminder.id)) reminders.set(change.reminder.id, change.reminder);
        return;
      case 'reply':
        replies.push(change.reply);
        return;
      case 'await':
        if (change.awaited) waits.set(change.key, change.awaited);
        else waits.delete(change.key);
        return;
    }
  };
  if (existsSync(path)) replayJournal<SupervisionChange>(path, readFileSync(path, 'utf8'), apply, damage);

  let fd: number | undefined;
  let closed = false;
  const record = (change: SupervisionChange): void => {
    if (closed) throw new Error(`the supervision journal ${path} is closed`);
    try {
      fd ??= openSync(path, 'a');
      // Written before memory changes: if this throws, memory still says what the disk says.
      writeSync(fd, `${JSON.stringify(change)}\n`);
    } catch (error) {
      throw new StoreError('write-failed', path, `could not write the supervision journal ${path}: ${(error as Error).message}`, { cause: error });
    }
    apply(structuredClone(change));
  };
  const waitKey = (chatId: number, userId: number): string => `${chatId}:${userId}`;

  return {
    async requestBinding({ chatId, unit, requestedBy, chatTitle }) {
      const existing = [...bindings.values()].find((b) => b.chatId === chatId && b.unit === unit);
      if (existing) return { binding: structuredClone(existing), created: false };
      const binding: Binding = { id: newRecordId(), chatId, unit, state: 'pending', requestedBy, requestedAt: now().toISOString(), ...(chatTitle ? { chatTitle } : {}) };
      record({ op: 'binding', binding });
      return { binding: structuredClone(binding), created: true };
    },
    async decideBinding(id, state, by) {
      const found = bindings.get(id);
      if (!found || found.state !== 'pending') return undefined;
      const binding: Binding = { ...found, state, decidedBy: by, decidedAt: now().toISOString() };
      record({ op: 'binding', binding });
      return structuredClone(binding);
    },
    async removeBinding(id) {
      const found = bindings.get(id);
      if (!found) return undefined;
      record({ op: 'unbind', id });
      return structuredClone(found);
    },
    bindings: async () => structuredClone([...bindings.values()]),
    async recordReminders(list) {
      for (const reminder of list) if (!reminders.has(reminder.id)) record({ op: 'reminder', reminder });
    },
    reminders: async (reportId) => structuredClone([...reminders.values()].filter((r) => reportId === undefined || r.reportId === reportId)),
    async addReply(input) {
      const reply: FeedbackReply = { id: newRecordId(), ...input };
      record({ op: 'reply', reply });
      return structuredClone(reply);
    },
    replies: async (reportId) => structuredClone(replies.filter((r) => reportId === undefined || r.reportId === reportId)),
    async setAwaited(chatId, userId, awaited) {
      const key = waitKey(chatId, userId);
      if (!awaited && !waits.has(key)) return;
      record({ op: 'await', key, awaited: awaited ?? null });
    },
    awaited: async (chatId, userId) => structuredClone(waits.get(waitKey(chatId, userId))),
    async restore(records) {
      for (const binding of records.bindings) record({ op: 'binding', binding });
      for (const reminder of records.reminders) record({ op: 'reminder', reminder });
      for (const reply of records.replies) record({ op: 'reply', reply });
    },
    close() {
      if (closed) return;
      closed = true;
      if (fd !== undefined) closeSync(fd);
    },
  };
};

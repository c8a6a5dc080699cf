import { StoreError } from './errors';
import type { Store } from './ports';

export interface CopyCounts {
  reports: number;
  chats: number;
  subscriptions: number;
  alerts: number;
  settings: number;
  /** bindings, reminders and replies (督办) */
  supervision: number;
}

/**
 * Copies everything one store holds into another, records as they are (ids,
 * times, delivery state): reports, chats and subscriptions, the outbox with
 * its fan-out records, settings, and the supervision records (bindings, reminders, replies;
 * not who is in the middle of writing a reply). The target must be empty, so that a
 * mistyped target never mixes two cities' data or overwrites a live store.
 */
export const copyStore = async (from: Store, to: Store): Promise<CopyCounts> => {
  if (!(await to.isEmpty())) {
    throw new StoreError('not-empty', to.where, `the target store ${to.where} is not empty; copy into a new, empty store (nothing was copied)`);
  }
  const reports = await from.reports.history();
  const chats = await from.subscriptions.chats();
  const subscriptions = await from.subscriptions.all();
  const alerts = await from.outbox.all();
  let settings = 0;
  await to.reports.restore(reports);
  await to.subscriptions.restore(chats, subscriptions);
  await to.outbox.restore(alerts, await from.outbox.fanOuts());
  for (const scope of await from.settings.scopes()) {
    for (const { key, value } of await from.settings.list(scope)) {
      await to.settings.put(scope, key, value);
      settings += 1;
    }
  }
  const supervision = { bindings: await from.supervision.bindings(), reminders: await from.supervision.reminders(), replies: await from.supervision.replies() };
  await to.supervision.restore(supervision);
  return {
    reports: reports.length,
    chats: chats.length,
    subscriptions: subscriptions.length,
    alerts: alerts.length,
    settings,
    supervision: supervision.bindings.length + supervision.reminders.length + supervision.replies.length,
  };
};

import type { Alert, NewAlert } from './types';

/**
 * A change of an alert's delivery state. The lowdb backend journals these as
 * lines; both backends apply them to the Alert object the worker holds once
 * the change is stored.
 */
export type AlertEvent =
  | { op: 'S'; attempts: number }
  | { op: 'A'; at: string; messageId?: number }
  | { op: 'R'; attempts: number; notBefore: number; error: string }
  | { op: 'F'; attempts: number; at: string; error: string };

/** The events of OutboxStore's mark* methods, built the same way for every backend. */
export const alertEvents = {
  sending: (alert: Alert): AlertEvent => ({ op: 'S', attempts: alert.attempts + 1 }),
  sent: (at: Date, messageId: number | undefined): AlertEvent => ({ op: 'A', at: at.toISOString(), ...(messageId !== undefined ? { messageId } : {}) }),
  retry: (alert: Alert, notBefore: number, error: string): AlertEvent => ({ op: 'R', attempts: alert.attempts, notBefore, error }),
  failed: (alert: Alert, at: Date, error: string): AlertEvent => ({ op: 'F', attempts: alert.attempts, at: at.toISOString(), error }),
};

export const applyAlertEvent = (alert: Alert, event: AlertEvent): void => {
  switch (event.op) {
    case 'S':
      alert.attempts = event.attempts;
      break;
    case 'A':
      alert.state = 'sent';
      alert.sentAt = event.at;
      if (event.messageId !== undefined) alert.messageId = event.messageId;
      delete alert.error;
      break;
    case 'R':
      alert.state = 'pending';
      alert.attempts = event.attempts;
      alert.notBefore = event.notBefore;
      alert.error = event.error;
      break;
    case 'F':
      alert.state = 'failed';
      alert.attempts = event.attempts;
      alert.sentAt = event.at;
      alert.error = event.error;
      break;
  }
};

/** Alerts are created pending, with no attempt; the store assigns `seq`. */
export const newAlertRecord = (a: NewAlert, createdAt: string, seq: number): Alert => ({
  id: a.id,
  chatId: a.chatId,
  text: a.text,
  createdAt,
  seq,
  state: 'pending',
  attempts: 0,
  notBefore: 0,
  ...(a.silent ? { silent: true } : {}),
  ...(a.buttons?.length ? { buttons: a.buttons } : {}),
});

import type { Logger } from '../logger';
import type { RoleHold, RoleStore } from '../store/ports';

/** Something that sends or schedules for everyone, and so must run on one replica only. */
export interface SendingPart {
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

export interface SendingRoleDeps {
  roles: RoleStore;
  /**
   * When the store is shared by replicas, how long a replica that takes over waits first, ms: the one that
   * held the role may have used the whole of its last rate window, and the two together must not exceed
   * the shared rate. 0 on a store one process owns (it holds the role at once, nobody to hand over from).
   */
  handoverMs: number;
  logger: Logger;
}

export interface SendingParts {
  /** the delivery worker: drains the outbox */
  worker: SendingPart;
  /** the schedulers (digests, unit reminders): started with the worker unless `schedule` is false */
  schedulers: readonly SendingPart[];
  /** false leaves the schedulers unstarted (tests run them with their own clock) */
  schedule: boolean;
}

/**
 * The sender hand-over: one replica at a time sends the outbox and runs the schedulers, so each alert
 * goes out once and the rate limits hold for all replicas together. The role comes from the store
 * (on PostgreSQL an advisory lock on its own session, whose end frees it, so a crashed sender's role
 * passes to another replica); on lowdb this process is the only one and holds it at once.
 *
 * Made before the worker (whose every send asks `mayStillSend`), held once the worker exists.
 */
export const createSendingRole = ({ roles, handoverMs, logger }: SendingRoleDeps) => {
  // true while this replica holds the role, false once it lost it or the app stops
  let holding = false;
  // set once hold() returns; the first `gained` runs before that, having just got the role
  let role: RoleHold | undefined;
  let parts: SendingParts | undefined;
  const stopParts = async (): Promise<void> => {
    for (const s of parts?.schedulers ?? []) await s.stop();
    await parts?.worker.stop();
  };
  return {
    /** asked right before each send: whether this replica still holds the role (the database, on PostgreSQL) */
    mayStillSend: async (): Promise<boolean> => holding && ((await role?.holds()) ?? true),
    /** takes the role when it can, now or later, and runs the parts while it is held */
    async hold(held: SendingParts): Promise<void> {
      parts = held;
      role = await roles.hold('alert-delivery', {
        gained: async () => {
          holding = true;
          if (handoverMs > 0) {
            logger.info('this replica now sends the alerts and schedules the digests');
            await new Promise((resolve) => setTimeout(resolve, handoverMs).unref());
            if (!holding) return;
          }
          await held.worker.start();
          if (held.schedule) for (const s of held.schedulers) await s.start();
        },
        lost: async () => {
          holding = false;
          logger.warn('lost the alert-delivery role (database session ended); another replica takes over');
          await stopParts();
        },
      });
    },
    async stop(): Promise<void> {
      holding = false;
      await stopParts();
      await role?.release();
    },
  };
};

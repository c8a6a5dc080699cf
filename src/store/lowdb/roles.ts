import type { RoleStore } from '../ports';

/** One process owns a lowdb store (see lock.ts), so it holds every role from the start. */
export const lowdbRoles: RoleStore = {
  async hold(_role, handlers) {
    await handlers.gained();
    return { holds: async () => true, release: async () => undefined };
  },
};

import { guarded } from '../src/guard';

describe('guarded timer and event callbacks', () => {
  it('reports a throw or a rejection through onError, and the timer keeps running, with no uncaught exception', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown): void => void uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
    const reported: string[] = [];
    let ticks = 0;
    const timer = setInterval(
      guarded(
        (err) => reported.push((err as Error).message),
        async () => {
          ticks += 1;
          if (ticks === 1) throw new Error('sync-looking throw in an async callback');
          if (ticks === 2) return Promise.reject(new Error('rejection'));
          return undefined;
        },
      ),
      5,
    );
    const syncThrow = guarded(
      (err) => reported.push((err as Error).message),
      () => {
        throw new Error('plain sync throw');
      },
    );
    setTimeout(syncThrow, 1);
    // a reporter that throws itself is swallowed too
    setTimeout(
      guarded(
        () => {
          throw new Error('reporter down');
        },
        () => {
          throw new Error('x');
        },
      ),
      1,
    );
    try {
      await new Promise((r) => setTimeout(r, 60));
    } finally {
      clearInterval(timer);
      process.off('uncaughtException', onUncaught);
      process.off('unhandledRejection', onUncaught);
    }
    expect(reported.sort()).toEqual(['plain sync throw', 'rejection', 'sync-looking throw in an async callback']);
    expect(ticks).toBeGreaterThan(3);
    expect(uncaught).toEqual([]);
  });
});

/**
 * A callback run by a timer or an event emitter: a throw there (or a rejection of the
 * promise it returns) reaches process 'uncaughtException' / 'unhandledRejection', and the
 * first ends the process. Wrapped, it is one log line through `onError` and nothing else:
 * the next tick of the timer, the next event, still runs.
 */
export const guarded =
  <A extends unknown[]>(onError: (err: unknown) => void, fn: (...args: A) => unknown): ((...args: A) => void) =>
  (...args) => {
    const report = (err: unknown): void => {
      try {
        onError(err);
      } catch {
        // the reporter itself failed (a closed log stream): nothing left to tell
      }
    };
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch(report);
    } catch (err) {
      report(err);
    }
  };

/**
 * Why a cell's value never arrived: it failed, was cancelled, or was superseded by a newer run.
 * Dependents awaiting the value receive the same Halt and set their own status from it.
 */
export class Halt extends Error {
  constructor(
    readonly kind: 'error' | 'cancelled' | 'superseded',
    /** The cell where the chain broke (the root cause, not the nearest upstream). */
    readonly cell: string,
    readonly reason?: string,
  ) {
    super(`${kind} in cell ${cell}`);
    this.name = 'Halt';
  }
}

/** A promise with its settle functions; rejections are pre-handled so an unawaited one is not "unhandled". */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
  settled: boolean;
}

/**
 * A new deferred.
 *
 * @example
 * const d = deferred<number>(); d.resolve(1); await d.promise; // → 1
 */
export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  const d: Deferred<T> = {
    promise,
    settled: false,
    resolve: (v) => {
      d.settled = true;
      resolve(v);
    },
    reject: (e) => {
      d.settled = true;
      reject(e);
    },
  };
  return d;
}

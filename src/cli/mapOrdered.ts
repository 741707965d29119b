/**
 * `mapOrdered`: bounded concurrency with results in input order. The CLI uses it to keep a fixed number of texts
 * in flight in the engine pool (enginePool.ts) while writing results in file order, so memory stays flat however
 * many files there are. Independent of the pool: `work` is any promise-returning function.
 */

/** A result of `mapOrdered`: the item and its value, or the error it met. */
export type Settled<T, R> = { item: T; value: R; error?: undefined } | { item: T; value?: undefined; error: Error };

/**
 * Runs `work` on every item with at most `maxInFlight` running, and yields the results in input order (the
 * items already done wait for the earliest one). Errors are yielded with their item, never thrown.
 */
export async function* mapOrdered<T, R>(items: Iterable<T> | AsyncIterable<T>, work: (item: T) => Promise<R>, maxInFlight: number): AsyncGenerator<Settled<T, R>> {
  const inFlight: Array<Promise<Settled<T, R>>> = [];
  const start = (item: T): Promise<Settled<T, R>> => {
    let p: Promise<R>;
    try {
      p = work(item);
    } catch (e) {
      p = Promise.reject(e as Error);
    }
    return p.then(
      (value) => ({ item, value }),
      (error: unknown) => ({ item, error: error instanceof Error ? error : new Error(String(error)) }),
    );
  };
  for await (const item of items) {
    inFlight.push(start(item));
    if (inFlight.length >= Math.max(1, maxInFlight)) yield await inFlight.shift()!;
  }
  while (inFlight.length) yield await inFlight.shift()!;
}

/**
 * A Redis call that a request must not wait on for long: rejects once `ms` have passed (the job is then given up for
 * now: the caller answers 503, or leaves it to a reconcile job), whatever Redis does later.
 */
export function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Redis did not answer in time')), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e as Error);
      },
    );
  });
}

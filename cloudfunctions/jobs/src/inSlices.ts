/**
 * Maps `items` through `work` a slice of `parallelism` at a time, in order: a batch's effects touch
 * different documents and may run at once, but not hundreds at once against one database.
 */
export async function mapInSlices<T, R>(
  items: readonly T[],
  parallelism: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = []
  for (let start = 0; start < items.length; start += parallelism) {
    results.push(...(await Promise.all(items.slice(start, start + parallelism).map(work))))
  }
  return results
}

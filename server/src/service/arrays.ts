// Array edits for any number of items. A spread (`push(...items)`, `splice(at, n, ...items)`)
// passes each item as an argument on the stack, and about 130,000 of them (the spans, elisions
// or problems of one pasted paragraph, a registry's bidi controls) overflow it: the request or
// the diagnostics run fails with "Maximum call stack size exceeded".

/** Below this many items a spread is safe and the fastest. */
const SPREAD_LIMIT = 10_000;

export function pushAll<T>(array: T[], items: readonly T[]): void {
  if (items.length <= SPREAD_LIMIT) array.push(...items);
  else for (const item of items) array.push(item);
}

/** `array.splice(start, deleteCount, ...items)`, returning the removed items. */
export function spliceAll<T>(array: T[], start: number, deleteCount: number, items: readonly T[]): T[] {
  if (items.length <= SPREAD_LIMIT) return array.splice(start, deleteCount, ...items);
  const removed = array.splice(start, deleteCount);
  const tail = array.splice(start);
  pushAll(array, items);
  pushAll(array, tail);
  return removed;
}

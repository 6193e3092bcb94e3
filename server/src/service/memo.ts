// Results computed once per object (a document model, a front matter) and dropped with it.

/** A result per key, computed on first use; one already known can be read or given without computing it. */
export interface Memo<K extends object, V> {
  (key: K): V;
  /** The result for `key` if it was computed or given, without computing it. */
  known(key: K): V | undefined;
  /** Gives the result for `key`, found otherwise (carried over from an earlier version of the key). */
  remember(key: K, value: V): void;
}

/** `compute`, remembered per key for as long as the key lives. */
export function oncePer<K extends object, V>(compute: (key: K) => V): Memo<K, V> {
  const results = new WeakMap<K, V>();
  const memo = (key: K): V => {
    let result = results.get(key);
    if (result === undefined) {
      result = compute(key);
      results.set(key, result);
    }
    return result;
  };
  return Object.assign(memo, {
    known: (key: K) => results.get(key),
    remember: (key: K, value: V) => void results.set(key, value),
  });
}

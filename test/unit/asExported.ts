// The expected side of export tests, written independently of the exporters.
import { wellFormed } from '../../server/src/service/wellFormed';

/** What an export can carry: half characters (reported by `invalid-character`) become U+FFFD. */
export function asExported(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(asExported);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [wellFormed(key), asExported(inner)]));
  return value;
}

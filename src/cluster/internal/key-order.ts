/**
 * Key lists of the records built on the per-article path (an article's features and their stored copy), kept beside
 * the records so that later steps of the same assignment need not ask the record for them. The records are `dict()`s
 * in V8's dictionary mode, whose key enumeration (`Object.keys`, `for…in`, JSON.stringify) sorts the keys by insertion
 * index on every call: ~55 ns a key, 6.8 µs for a stored copy's 120 terms (node 20), and an article's records are
 * enumerated again and again on the assignment path (compactFast's terms and names and its display-form filter, the
 * background vector here; the document-frequency keys, the query keys, the fast scorer's load and both profile
 * additions elsewhere).
 *
 * A list is remembered only by the code that built the record, in the order it inserted the keys (equal to
 * `Object.keys` of the record: test/cluster/key-order.test.ts), and only for records that are not changed afterwards
 * (features are read, never edited, once built). Anything else gets `Object.keys`. Profiles' records, which do change,
 * keep live key lists instead (record-facts.ts).
 */
import { isIndexKey } from './record-facts.js';

/**
 * Lists remembered: the most recent ones only, looked up by identity. An assignment builds six such records (three
 * in featuresOf, three in its stored copy) and reads them back within the assignment; 16 leave room for a caller
 * holding two articles' features at once. A ring of strong references (16 records, tens of KB) instead of a WeakMap:
 * with a WeakMap, featuresOf measured ~9 µs slower per article (bench:cluster-features synthetic, 72 → 81 µs), with
 * the ring unchanged within noise.
 */
const REMEMBERED = 16;
const records: (object | null)[] = new Array<object | null>(REMEMBERED).fill(null);
const lists: (readonly string[] | null)[] = new Array<readonly string[] | null>(REMEMBERED).fill(null);
let next = 0;

/**
 * Remembers `keys` as the key list of `rec` (every key of `rec`, in insertion order); returns `rec`. A record with a
 * key that may be an array index ("2020", a name key made of digits) is not remembered: records list such keys first,
 * in numeric order, not in insertion order. Array indices start with a digit; term stems and `e:` keys never do.
 */
export function withKeys<T>(rec: Record<string, T>, keys: readonly string[]): Record<string, T> {
  for (let i = 0; i < keys.length; i++) if (isIndexKey(keys[i] as string)) return rec;
  records[next] = rec;
  lists[next] = keys;
  next = (next + 1) % REMEMBERED;
  return rec;
}

/** The keys of `rec` in insertion order (as `Object.keys`): the remembered list, else `Object.keys`. */
export function featureKeys(rec: Readonly<Record<string, unknown>>): readonly string[] {
  for (let i = 0; i < REMEMBERED; i++) if (records[i] === rec) return lists[i] as readonly string[];
  return Object.keys(rec);
}

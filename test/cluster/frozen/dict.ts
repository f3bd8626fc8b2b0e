// Frozen copy of src/cluster/internal/dict.ts as of f481d15 (2026-11-21): the reference test/cluster/features-exact.test.ts
// compares the current feature path with. Do not edit; it is the old behaviour, not live code.
/**
 * Empty string-keyed records for the per-article hot path (features, profiles, their compact copies). A record with
 * no prototype starts out in V8's dictionary mode, so filling it with hundreds of distinct keys (stems, names) does
 * not first build a chain of hidden classes per object as `{}` does: filling a 150-key record measured 15 µs against
 * 31–36 µs for `{}` (node 20, 20k records of random 5-letter keys). Reading, `in`, `for…in`, Object.entries and
 * JSON behave as for `{}` (keys here are ≤ 7 characters or digits, never an Object.prototype name).
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * Which of two related texts is the likelier origin: the earliest reliable publication time,
 * then the most complete text, then the one stored first.
 */

export interface OriginFacts {
  readonly id: string;
  readonly seq: number;
  readonly published: string | null;
  /** Text length in characters (completeness). */
  readonly chars: number;
}

/** Publication dates before this are treated as unreliable (bad parses, epoch defaults). */
const EARLIEST_RELIABLE = Date.UTC(1990, 0, 1);
/** Dates more than a day in the future of the clock are unreliable (time-zone slack allowed). */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;

/** Milliseconds of a reliable publication time, or null. */
export function reliableTime(published: string | null, now = Date.now()): number | null {
  if (!published) return null;
  const t = Date.parse(published);
  if (!Number.isFinite(t) || t < EARLIEST_RELIABLE || t > now + FUTURE_SLACK_MS) return null;
  return t;
}

/** Negative when `x` is the likelier origin. Total and deterministic. */
export function compareOrigin(x: OriginFacts, y: OriginFacts): number {
  const tx = reliableTime(x.published);
  const ty = reliableTime(y.published);
  if (tx !== null && ty !== null && tx !== ty) return tx - ty;
  if (tx !== null && ty === null) return -1;
  if (tx === null && ty !== null) return 1;
  if (x.chars !== y.chars) return y.chars - x.chars;
  return x.seq - y.seq || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/**
 * A synthetic news stream for speed measurements (no real text needed at 100k–1M articles):
 * storylines with their own vocabulary and names, events with dates, Zipf-distributed background words.
 * Deterministic for a given seed.
 */

export interface SyntheticArticle {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly published: string;
  readonly story: number;
  readonly event: number;
}

/** Shape of the stream; defaults give ~250-word articles, ~8 articles per event, ~6 events per storyline. */
export interface SyntheticOptions {
  readonly seed: number;
  readonly vocabulary: number;
  readonly wordsPerArticle: number;
  readonly articlesPerEvent: number;
  readonly eventsPerStory: number;
  /** Bound on distinct storylines (ids wrap). */
  readonly concurrentStories: number;
  /** New events per simulated day. */
  readonly eventsPerDay: number;
}

export const DEFAULT_SYNTHETIC: SyntheticOptions = {
  seed: 1,
  vocabulary: 60_000,
  wordsPerArticle: 250,
  articlesPerEvent: 8,
  eventsPerStory: 6,
  concurrentStories: 400,
  eventsPerDay: 120,
};

/** Events whose articles arrive interleaved. */
const CONCURRENT_EVENTS = 50;

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'vo', 'sul', 'dar', 'en', 'is', 'pre', 'gor', 'an', 'bel', 'tur', 'shi', 'om', 'ved', 'la', 'nu', 'kir', 'zo', 'pa', 'el'];

function word(n: number, syll = 3): string {
  let w = '';
  let x = n + 7;
  for (let i = 0; i < syll || x > 0; i++) {
    w += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
    if (i > 5) break;
  }
  return w;
}

/** Generates `count` articles in arrival order. */
export function* syntheticStream(count: number, options: Partial<SyntheticOptions> = {}): Generator<SyntheticArticle> {
  const o = { ...DEFAULT_SYNTHETIC, ...options };
  const r = rng(o.seed);
  const zipf = (n: number) => Math.floor(n ** r()) - 1;
  const day0 = Date.UTC(2024, 0, 1);
  const storyWords = (s: number) => Array.from({ length: 30 }, (_, i) => word(o.vocabulary + s * 40 + i));
  const names = (s: number) => Array.from({ length: 6 }, (_, i) => {
    const w = word(o.vocabulary * 3 + s * 7 + i, 2);
    return w[0]!.toUpperCase() + w.slice(1);
  });
  const eventWords = (e: number) => Array.from({ length: 10 }, (_, i) => word(o.vocabulary * 5 + e * 11 + i));
  const articlesPerDay = o.eventsPerDay * o.articlesPerEvent;
  for (let i = 0; i < count; i++) {
    // Events run interleaved in blocks of CONCURRENT_EVENTS; a storyline's events follow each other.
    const block = o.articlesPerEvent * CONCURRENT_EVENTS;
    const event = Math.floor(i / block) * CONCURRENT_EVENTS + (i % CONCURRENT_EVENTS);
    const story = (Math.floor(event / CONCURRENT_EVENTS / o.eventsPerStory) * CONCURRENT_EVENTS + (event % CONCURRENT_EVENTS)) % (o.concurrentStories * 1000);
    const day = Math.floor(i / articlesPerDay);
    const date = new Date(day0 + day * 86_400_000);
    const sw = storyWords(story);
    const nm = names(story);
    const ew = eventWords(event);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const body: string[] = [];
    for (let k = 0; k < o.wordsPerArticle; k++) {
      const x = r();
      if (x < 0.6) body.push(word(zipf(o.vocabulary)));
      else if (x < 0.85) body.push(pick(sw));
      else if (x < 0.95) body.push(pick(ew));
      else body.push(pick(nm));
      if (k % 20 === 19) body.push('.');
    }
    body.push(`on ${date.getUTCDate()} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][date.getUTCMonth()]} ${date.getUTCFullYear()}.`);
    const title = [pick(nm), pick(ew), pick(sw), pick(ew), pick(sw)].join(' ');
    yield { id: `s${i.toString(36).padStart(8, '0')}`, title, text: body.join(' ').replace(/ \./g, '.'), published: date.toISOString(), story, event };
  }
}

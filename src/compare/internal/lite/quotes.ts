import type { CmpMention, CmpQuote } from '../../types.js';
import { REPORTING_VERBS } from './lexicon.js';

/** Text between matching quotation marks. */
const QUOTED = /[“"]([^”"]{2,}?)[”"]|‘([^’]{8,}?)’(?![\p{L}])/gu;
/** Quotes shorter than this many words are scare quotes ("serious"), not statements. */
const MIN_QUOTE_WORDS = 3;
/** How far, in characters, a speaker is looked for around the quote. */
const SPEAKER_WINDOW = 80;
/** A reporting verb after a quote is looked for among this many words ("…," the Kremlin's chief spokesman said). */
const AFTER_WORDS = 5;

/** Direct quotes of one paragraph with their speaker (English fallback: reporting verb next to a name or pronoun). */
export function findQuotes(
  paragraph: string,
  index: number,
  mentions: readonly CmpMention[],
  lastSpeaker: { name: string | null; key: string | null },
): CmpQuote[] {
  const out: CmpQuote[] = [];
  for (const m of paragraph.matchAll(QUOTED)) {
    const text = (m[1] ?? m[2] ?? '').trim();
    if (text.split(/\s+/).length < MIN_QUOTE_WORDS || !/\p{Ll}/u.test(text)) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const after = paragraph.slice(end, end + SPEAKER_WINDOW);
    const before = paragraph.slice(Math.max(0, start - SPEAKER_WINDOW), start);
    let cue: string | null = null;
    let speaker: CmpMention | null = null;
    let pronoun = false;
    const near = (from: number, to: number) => mentions.filter((x) => x.paragraph === index && x.start >= from && x.start < to);
    // "…," Trump said  /  "…," said Trump  /  "…," Aleksei Vorontsyk told reporters  /  "…," he said
    const tail = after.split(/[.!?;]/u)[0] ?? '';
    const verb = [...tail.matchAll(/\p{L}+/gu)].slice(0, AFTER_WORDS).find((w) => REPORTING_VERBS.has(w[0].toLowerCase()));
    if (verb) {
      cue = verb[0];
      const between = tail.slice(0, verb.index ?? 0);
      if (/^[\s,]*(he|she|they)\s*$/iu.test(between)) pronoun = true;
      else speaker = near(end, end + SPEAKER_WINDOW)[0] ?? null;
    }
    // Witkoff said: "…"  /  Zelensky described the talks as "…"
    if (!cue) {
      const verb = [...before.matchAll(/\p{L}+/gu)].reverse().find((w) => REPORTING_VERBS.has(w[0].toLowerCase()));
      if (verb) {
        cue = verb[0];
        const candidates = near(start - SPEAKER_WINDOW, start);
        speaker = candidates[candidates.length - 1] ?? null;
        if (!speaker && /\b(he|she|they)\b/iu.test(before)) pronoun = true;
      }
    }
    // a pronoun speaker is the last person named before the quote, in this paragraph or an earlier one
    const previous = mentions.filter((x) => x.type === 'PERSON' && x.paragraph === index && x.start < start).pop();
    const name = speaker?.text ?? (pronoun ? (previous?.text ?? lastSpeaker.name) : null);
    const key = speaker?.key ?? (pronoun ? (previous?.key ?? lastSpeaker.key) : null);
    if (speaker) {
      lastSpeaker.name = speaker.text;
      lastSpeaker.key = speaker.key;
    }
    out.push({ text, type: 'direct', speaker: name, speakerKey: key, cue, paragraph: index, offset: start });
  }
  return out;
}

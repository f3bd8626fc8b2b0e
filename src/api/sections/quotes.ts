import { comparisonFor } from '../internal/comparisons.js';
import type { StorylineSection } from './types.js';

export interface QuoteItem {
  readonly text: string;
  readonly type: 'direct' | 'indirect';
  readonly cue: string | null;
  readonly articleId: string;
  readonly outlet: string;
  readonly published: string | null;
  readonly paragraph: number;
}

export interface SpeakerQuotes {
  /** The speaker key when the extractor resolved one, else the name as written. */
  readonly key: string;
  readonly speaker: string;
  /** Other spellings of the speaker seen in the quotes. */
  readonly names: readonly string[];
  readonly quotes: readonly QuoteItem[];
}

/** Quotes grouped by speaker, most quoted first; unattributed quotes last under an empty speaker. */
export const quotesSection: StorylineSection<{ speakers: readonly SpeakerQuotes[] }> = {
  name: 'quotes',
  summary: 'Quotes (direct and indirect) grouped by speaker, each citing its article and paragraph',
  load: async (db, storyId) => {
    const { input } = await comparisonFor(db, storyId);
    const articles = new Map(input.articles.map((a) => [a.id, a]));
    const groups = new Map<string, { names: Map<string, number>; quotes: QuoteItem[] }>();
    for (const [articleId, ann] of Object.entries(input.annotations)) {
      const a = articles.get(articleId);
      for (const q of ann.quotes) {
        const key = q.speakerKey ?? (q.speaker ? `name:${q.speaker.toLowerCase()}` : '');
        const g = groups.get(key) ?? { names: new Map<string, number>(), quotes: [] };
        if (q.speaker) g.names.set(q.speaker, (g.names.get(q.speaker) ?? 0) + 1);
        g.quotes.push({ text: q.text, type: q.type, cue: q.cue, articleId, outlet: a?.outlet ?? '', published: a?.published ?? null, paragraph: q.paragraph });
        groups.set(key, g);
      }
    }
    const speakers = [...groups.entries()].map(([key, g]) => {
      const names = [...g.names.entries()].sort((x, y) => y[1] - x[1]).map(([n]) => n);
      return { key, speaker: names[0] ?? '', names: names.slice(1), quotes: g.quotes.sort((x, y) => (x.published ?? '').localeCompare(y.published ?? '')) };
    });
    speakers.sort((x, y) => (x.key === '' ? 1 : y.key === '' ? -1 : y.quotes.length - x.quotes.length || x.speaker.localeCompare(y.speaker)));
    return { speakers };
  },
};

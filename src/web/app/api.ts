/** Typed client for the Storyline API (types come from the server modules, so they cannot drift). */
import type { Highlight } from '../../api/internal/highlights.js';
import type { Page } from '../../api/internal/pagination.js';
import type { SearchResult } from '../../api/internal/search.js';
import type { CoverageDay, StorySummary } from '../../api/internal/stories.js';
import type { StoryView } from '../../api/internal/story-view.js';
import type { ProvenanceGraph } from '../../api/sections/provenance.js';
import type { DuplicateLink } from '../../dedup/index.js';
import type { RemovedBlock, StoredArticle } from '../../types.js';

export type { CoverageDay, Page, ProvenanceGraph, SearchResult, StorySummary, StoryView };

export interface ArticleDetail extends StoredArticle {
  readonly removed: readonly RemovedBlock[];
  readonly eventId: string | null;
  readonly storyId: string | null;
  readonly duplicates: readonly DuplicateLink[];
}

export interface Coverage {
  readonly days: readonly CoverageDay[];
  readonly undated: number;
}

/** A failed API call, with the server's error code when there is one. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** An event with every article (no passages). */
export interface EventDetail {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly articles: readonly { id: string; title: string; outlet: string | null; published: string | null }[];
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, signal });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiRequestError(err?.message ?? `request failed (${res.status})`, res.status, err?.code ?? 'unknown');
  }
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
  storylines: (offset: number, limit: number, s?: AbortSignal) => getJson<Page<StorySummary>>(`/api/storylines?offset=${offset}&limit=${limit}`, s),
  storyline: (id: string, s?: AbortSignal) => getJson<StoryView>(`/api/storylines/${enc(id)}`, s),
  section: <T>(id: string, name: string, s?: AbortSignal) => getJson<T>(`/api/storylines/${enc(id)}/${enc(name)}`, s),
  highlights: (id: string, s?: AbortSignal) => getJson<{ highlights: Highlight[]; notes: string[] }>(`/api/articles/${enc(id)}/highlights`, s),
  event: (id: string, s?: AbortSignal) => getJson<EventDetail>(`/api/events/${enc(id)}`, s),
  article: (id: string, s?: AbortSignal) => getJson<ArticleDetail>(`/api/articles/${enc(id)}`, s),
  search: (q: string, offset: number, limit: number, s?: AbortSignal) =>
    getJson<Page<SearchResult> & { query: string }>(`/api/search?q=${enc(q)}&offset=${offset}&limit=${limit}`, s),
};

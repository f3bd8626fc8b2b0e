/** Page size when the client does not ask for one. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a client may ask for: keeps one response small enough for the p99 latency goal. */
export const MAX_PAGE_SIZE = 100;

/** Query-string properties shared by every paginated route. */
export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'items per page' },
  offset: { type: 'integer', minimum: 0, default: 0, description: 'items to skip' },
} as const;

export interface PageParams {
  readonly limit: number;
  readonly offset: number;
}

/** The envelope of every paginated response. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** Offset of the next page, or null on the last page. */
  readonly next: number | null;
}

export function page<T>(items: readonly T[], total: number, p: PageParams): Page<T> {
  const next = p.offset + items.length < total ? p.offset + items.length : null;
  return { items, total, limit: p.limit, offset: p.offset, next };
}

/** Words of a search, for highlighting (letters and digits only, like the server's full-text query). */
export function termsOf(q: string): string[] {
  return [...new Set((q.match(/[\p{L}\p{N}]+/gu) ?? []).map((t) => t.toLowerCase()))].filter((t) => t.length > 1);
}

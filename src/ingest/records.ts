import type { InputFormat, InputMeta, RawInput } from '../types.js';
import { InputError } from './errors.js';

/** Result of reading one record: an input, or the specific reason it was skipped. */
export type ReadItem =
  | { readonly ok: true; readonly input: RawInput }
  | { readonly ok: false; readonly location: string; readonly record: number; readonly error: InputError };

/** JSON field names accepted for each metadata field, first match wins. */
const JSON_FIELDS: Readonly<Record<keyof InputMeta | 'text' | 'html', readonly string[]>> = {
  title: ['title', 'headline', 'name'],
  url: ['url', 'link', 'canonical_url', 'canonicalUrl'],
  outlet: ['outlet', 'source', 'site', 'siteName', 'site_name', 'publisher'],
  author: ['author', 'byline', 'authors'],
  published: ['published', 'publishedAt', 'published_at', 'datePublished', 'date', 'pubDate'],
  modified: ['modified', 'updatedAt', 'updated_at', 'dateModified'],
  language: ['language', 'lang', 'inLanguage'],
  text: ['text', 'body', 'content', 'articleBody', 'maintext'],
  html: ['html', 'raw_html', 'rawHtml'],
};

function pick(obj: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = obj[n];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string')) return v.join(', ');
    if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
  }
  return undefined;
}

function fromJsonObject(value: unknown, location: string, record: number, raw: string): ReadItem {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, location, record, error: new InputError('bad-json', `${location}#${record}: expected an article object`) };
  }
  const obj = value as Record<string, unknown>;
  const meta: InputMeta = {};
  for (const key of ['title', 'url', 'outlet', 'author', 'published', 'modified', 'language'] as const) {
    const v = pick(obj, JSON_FIELDS[key]);
    if (v !== undefined) meta[key] = v;
  }
  const html = pick(obj, JSON_FIELDS.html);
  const text = pick(obj, JSON_FIELDS.text);
  if (!html && !text) {
    return {
      ok: false,
      location,
      record,
      error: new InputError(
        'no-text',
        `${location}#${record}: no article text (expected one of: ${JSON_FIELDS.text.join(', ')}, ${JSON_FIELDS.html.join(', ')})`,
      ),
    };
  }
  const format: InputFormat = html ? 'html' : 'json';
  return { ok: true, input: { source: { location, record }, format, body: html ?? text ?? '', raw, meta } };
}

/** Splits `---`-fenced `key: value` front matter off a Markdown file. */
function frontMatter(text: string): { meta: Record<string, string>; rest: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) return { meta: {}, rest: text };
  const meta: Record<string, string> = {};
  for (const line of (m[1] ?? '').split(/\r?\n/)) {
    const kv = /^([\w-]+)\s*:\s*(.*)$/.exec(line);
    if (kv?.[1] && kv[2]) meta[kv[1]] = kv[2].replace(/^["']|["']$/g, '').trim();
  }
  return { meta, rest: text.slice(m[0].length) };
}

/** Markdown to plain text: headings, emphasis, links and images reduced to their words. */
function markdownToText(md: string): string {
  return md
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S[^*_]*?)[*_](?=\W|$)/g, '$1$2')
    .replace(/^>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '');
}

/**
 * Splits one decoded file into article records.
 * - text: the first non-empty line is the title, the rest the body;
 * - markdown: optional front matter for metadata, the first `#` heading (else first line) is the title;
 * - html: the page as is (metadata is read from the page by the clean stage);
 * - json: one article object or an array of them; jsonl: one object per line.
 * A malformed record is reported and the others still go in.
 */
export function splitRecords(text: string, format: InputFormat | 'jsonl', location: string): ReadItem[] {
  switch (format) {
    case 'html':
      return [{ ok: true, input: { source: { location, record: 0 }, format: 'html', body: text, raw: text, meta: {} } }];
    case 'text':
    case 'markdown': {
      const { meta: fm, rest } = format === 'markdown' ? frontMatter(text) : { meta: {}, rest: text };
      const lines = rest.split(/\r?\n/);
      const first = lines.findIndex((l) => l.trim() !== '');
      if (first < 0) return [{ ok: false, location, record: 0, error: new InputError('empty', `${location}: no text`) }];
      const heading = format === 'markdown' ? lines.findIndex((l) => /^#\s+\S/.test(l)) : -1;
      const titleLine = heading >= 0 && heading <= first + 2 ? heading : first;
      const title = (lines[titleLine] ?? '').replace(/^#+\s*/, '').trim();
      const bodyLines = lines.filter((_, i) => i !== titleLine);
      let body = bodyLines.join('\n').trim();
      if (format === 'markdown') body = markdownToText(body);
      const meta: InputMeta = { title: fm.title ?? title };
      for (const key of ['url', 'outlet', 'author', 'published', 'language'] as const) {
        const v = fm[key];
        if (v) meta[key] = v;
      }
      if (!body) return [{ ok: false, location, record: 0, error: new InputError('no-text', `${location}: a title line but no body`) }];
      return [{ ok: true, input: { source: { location, record: 0 }, format, body, raw: text, meta } }];
    }
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (cause) {
        return [{ ok: false, location, record: 0, error: new InputError('bad-json', `${location}: malformed JSON (${(cause as Error).message})`, { cause }) }];
      }
      if (Array.isArray(value)) {
        if (value.length === 0) return [{ ok: false, location, record: 0, error: new InputError('empty', `${location}: empty JSON array`) }];
        return value.map((v, i) => fromJsonObject(v, location, i, JSON.stringify(v)));
      }
      return [fromJsonObject(value, location, 0, text)];
    }
    case 'jsonl': {
      const items: ReadItem[] = [];
      text.split(/\r?\n/).forEach((line, i) => {
        if (!line.trim()) return;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (cause) {
          items.push({
            ok: false,
            location,
            record: i,
            error: new InputError('bad-json', `${location} line ${i + 1}: malformed JSON (${(cause as Error).message})`, { cause }),
          });
          return;
        }
        items.push(fromJsonObject(value, location, i, line));
      });
      if (items.length === 0) return [{ ok: false, location, record: 0, error: new InputError('empty', `${location}: no JSON lines`) }];
      return items;
    }
  }
}

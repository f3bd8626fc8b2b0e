import { readFileSync, statSync } from 'node:fs';
import { decodeText, gunzip } from './decode.js';
import { formatOf } from './discover.js';
import { InputError } from './errors.js';
import { type ReadItem, splitRecords } from './records.js';

export interface ReadOptions {
  /** Largest file (after decompression) that is read; larger ones are skipped. */
  readonly maxBytes: number;
}

/** 20 MB: far above any real article page (the largest bench page is ~1 MB), small enough to keep a batch's memory bounded. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export const defaultReadOptions: ReadOptions = { maxBytes: DEFAULT_MAX_BYTES };

function fail(location: string, error: InputError): ReadItem[] {
  return [{ ok: false, location, record: 0, error }];
}

/** Reads one file into article records; every failure comes back as a skipped item with its reason. */
export function readFile(location: string, options: ReadOptions = defaultReadOptions): ReadItem[] {
  const fmt = formatOf(location);
  if (!fmt) return fail(location, new InputError('unsupported-type', `${location}: unsupported file type`));
  let bytes: Buffer;
  try {
    const size = statSync(location).size;
    if (size > options.maxBytes) {
      return fail(location, new InputError('too-large', `${location}: ${size} bytes exceeds the ${options.maxBytes}-byte limit`));
    }
    bytes = readFileSync(location);
  } catch (cause) {
    return fail(location, new InputError('unreadable', `${location}: cannot read (${(cause as NodeJS.ErrnoException).code ?? cause})`, { cause }));
  }
  try {
    if (fmt.gzip) {
      bytes = gunzip(bytes, location, options.maxBytes);
      if (bytes.length > options.maxBytes) {
        return fail(location, new InputError('too-large', `${location}: ${bytes.length} bytes uncompressed exceeds the ${options.maxBytes}-byte limit`));
      }
    }
    const { text } = decodeText(bytes, location);
    if (!text.trim()) return fail(location, new InputError('empty', `${location}: only whitespace`));
    return splitRecords(text, fmt.format, location);
  } catch (err) {
    if (err instanceof InputError) return fail(location, err);
    throw err;
  }
}

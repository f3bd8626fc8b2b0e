/**
 * Optional abstractive summary through a user-configured OpenAI-compatible endpoint. Off by default.
 * The model sees only the brief's extracted, cited sentences, numbered; it must end every sentence with
 * the numbers it relies on. Each generated sentence is then checked against the paragraphs it cites
 * (numbers, names, content overlap) and dropped when unsupported or uncited.
 */
import { AbstractiveError } from './errors.js';
import { checkSupport } from './internal/support.js';
import { splitSentences } from './internal/text.js';
import type { Brief, BriefSentence, Citation, CompareInput } from './types.js';

export interface LlmConfig {
  /** Base URL of an OpenAI-compatible API, e.g. `http://127.0.0.1:8080/v1`. */
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey: string | null;
  /** Request timeout (default 60 s: local models on a laptop take 10–40 s for a short summary). */
  readonly timeoutMs: number;
}

export const DEFAULT_LLM_TIMEOUT_MS = 60_000;
/** Sentences handed to the model at most (the brief's own lists, in order). */
export const MAX_PROMPT_SENTENCES = 30;
/** Longest summary requested, in sentences. */
export const SUMMARY_SENTENCES = 5;

/** Reads `STORYLINE_LLM_URL`, `STORYLINE_LLM_MODEL`, `STORYLINE_LLM_KEY`; null when URL or model is missing. */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LlmConfig | null {
  const baseUrl = env.STORYLINE_LLM_URL?.trim();
  const model = env.STORYLINE_LLM_MODEL?.trim();
  if (!baseUrl || !model) return null;
  return { baseUrl: baseUrl.replace(/\/+$/u, ''), model, apiKey: env.STORYLINE_LLM_KEY?.trim() || null, timeoutMs: DEFAULT_LLM_TIMEOUT_MS };
}

interface ChatResponse {
  choices?: { message?: { content?: unknown } }[];
}

async function complete(config: LlmConfig, system: string, user: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`${config.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
      body: JSON.stringify({
        model: config.model,
        temperature: 0,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
      }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (cause) {
    throw new AbstractiveError(`cannot reach ${config.baseUrl}/chat/completions`, { cause });
  }
  if (!res.ok) throw new AbstractiveError(`${config.baseUrl}/chat/completions answered HTTP ${res.status}`);
  let body: ChatResponse;
  try {
    body = (await res.json()) as ChatResponse;
  } catch (cause) {
    throw new AbstractiveError('the endpoint did not answer JSON', { cause });
  }
  const content = body.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new AbstractiveError('the endpoint answered without choices[0].message.content');
  return content;
}

const SYSTEM = [
  'You summarise news for a reader using ONLY the numbered sentences given.',
  `Write at most ${SUMMARY_SENTENCES} short sentences in plain English.`,
  'End every sentence with the numbers of the sentences it relies on, in square brackets, e.g. [2] or [1][4].',
  'Do not add facts, names, numbers or dates that are not in the cited sentences.',
].join(' ');

const MARKER = /\[(\d+)\]/gu;

/** Parses the model's text into sentences with the source numbers each cites. */
export function parseCited(text: string): { text: string; refs: number[] }[] {
  const out: { text: string; refs: number[] }[] = [];
  for (const line of text.split(/\n+/u)) {
    // a sentence ends after its markers: split on terminal punctuation followed by markers or after markers
    const normalised = line.replace(/([.!?])\s*((?:\[\d+\])+)/gu, '$2$1');
    for (const s of splitSentences(normalised)) {
      const refs = [...s.text.matchAll(MARKER)].map((m) => Number(m[1]));
      const clean = s.text
        .replace(MARKER, '')
        .replace(/\s+([.,;:!?])/gu, '$1')
        .replace(/\s+/gu, ' ')
        .trim();
      if (clean) out.push({ text: clean, refs });
    }
  }
  return out;
}

export interface AbstractiveResult {
  readonly brief: Brief;
  readonly kept: number;
  readonly dropped: { readonly text: string; readonly why: string }[];
}

/** Adds a checked `summary` section to the brief. Throws `AbstractiveError` when the endpoint fails. */
export async function addAbstractiveSummary(brief: Brief, input: CompareInput, config: LlmConfig): Promise<AbstractiveResult> {
  const sources: BriefSentence[] = [];
  const seen = new Set<string>();
  for (const s of brief.sections.filter((x) => x.key === 'what-happened' || x.key === 'key-numbers' || x.key === 'who-said-what').flatMap((x) => x.items)) {
    if (seen.has(s.text) || sources.length >= MAX_PROMPT_SENTENCES) continue;
    seen.add(s.text);
    sources.push(s);
  }
  if (sources.length === 0) return { brief, kept: 0, dropped: [] };
  const prompt = sources.map((s, i) => `[${i + 1}] ${s.text}`).join('\n');
  const answer = await complete(config, SYSTEM, prompt);
  const paragraphOf = (c: Citation) => input.articles.find((a) => a.id === c.articleId)?.paragraphs[c.paragraph] ?? '';
  const items: BriefSentence[] = [];
  const dropped: { text: string; why: string }[] = [];
  for (const g of parseCited(answer)) {
    const cited = g.refs.map((r) => sources[r - 1]).filter((s): s is BriefSentence => s !== undefined);
    if (cited.length === 0) {
      dropped.push({ text: g.text, why: 'no valid citation' });
      continue;
    }
    const citations = cited.flatMap((s) => s.citations);
    const support = checkSupport(g.text, citations.map(paragraphOf));
    if (!support.supported) {
      dropped.push({ text: g.text, why: support.how });
      continue;
    }
    const published =
      cited
        .map((s) => s.published)
        .filter((p): p is string => p !== null)
        .sort()
        .pop() ?? null;
    items.push({ text: g.text, citations, published });
  }
  const notes = [...brief.notes, `abstractive summary by ${config.model}: ${items.length} sentence(s) kept, ${dropped.length} dropped as unsupported`];
  return {
    brief: {
      ...brief,
      sections: [{ key: 'summary', title: 'Summary (generated, checked against sources)', items }, ...brief.sections],
      dropped: brief.dropped + dropped.length,
      notes,
    },
    kept: items.length,
    dropped,
  };
}

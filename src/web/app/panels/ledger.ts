import { h, type JSX } from 'preact';
import type { LedgerView } from '../../../api/sections/ledger.js';
import type { Claim, Slot } from '../../../compare/index.js';
import { api } from '../api.js';
import { Badge, Status } from '../components/common.js';
import { formatDate, plural } from '../format.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';
import type { StorylinePanel } from './types.js';

/** Slots listed before "show all": disagreements first, so the interesting ones are on screen. */
const SLOTS_SHOWN = 12;
const STATUS_LABEL: Readonly<Record<Slot['status'], string>> = {
  agreement: 'agreement',
  conflict: 'conflict',
  'change-over-time': 'changed over time',
  'competing-positions': 'competing positions',
  mixed: 'mixed',
};
/** Sort order: what a reader should check first. */
const STATUS_RANK: Readonly<Record<Slot['status'], number>> = { conflict: 0, mixed: 1, 'competing-positions': 2, 'change-over-time': 3, agreement: 4 };

function ClaimRow({ c }: { c: Claim }): JSX.Element {
  const first = c.statements[0];
  return h(
    'li',
    { class: 'claim' },
    h('strong', { dir: 'auto' }, c.kind === 'quote' ? `“${c.value}”` : (first?.raw ?? c.value)),
    ' ',
    c.singleSource
      ? h(Badge, { kind: 'single', title: 'Only one independent source states this' }, 'single source')
      : h(
          Badge,
          { kind: 'sources', title: 'Independent sources stating this (copies count once)' },
          `corroborated · ${plural(c.independentSources, 'source')}`,
        ),
    ' ',
    h(
      'span',
      { class: 'muted', dir: 'auto' },
      `first: ${c.firstReported.outlet}${c.firstReported.published ? `, ${formatDate(c.firstReported.published)}` : ''}`,
    ),
    first
      ? [
          ' ',
          h('a', { class: 'citation', href: href.article(first.articleId, { paragraph: first.citation.paragraph }), title: first.citation.text }, 'passage'),
        ]
      : null,
  );
}

function SlotItem({ s, claims }: { s: Slot; claims: Map<string, Claim> }): JSX.Element {
  return h(
    'li',
    { class: 'slot' },
    h(
      'h3',
      null,
      h('span', { dir: 'auto' }, s.label),
      s.unit ? h('span', { class: 'muted' }, ` (${s.unit})`) : null,
      ' ',
      h(Badge, { kind: `status-${s.status}` }, STATUS_LABEL[s.status]),
    ),
    s.relations.length ? h('p', { class: 'muted' }, s.relations.map((r) => r.reason).join('; ')) : null,
    h(
      'ul',
      null,
      s.claims
        .map((id) => claims.get(id))
        .filter((c): c is Claim => !!c)
        .map((c) => h(ClaimRow, { c, key: c.id })),
    ),
  );
}

function LedgerPanel({ storyId, version }: { storyId: string; version: number }): JSX.Element {
  const state = useLoad((sig) => api.section<LedgerView>(storyId, 'ledger', sig), [storyId, version]);
  const l = state.data;
  if (!l) return h(Status, { state, what: 'the claim ledger' }) ?? h('p', null, '');
  const claims = new Map(l.claims.map((c) => [c.id, c]));
  const slots = [...l.slots].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.claims.length - a.claims.length);
  const counts: Record<string, number> = {};
  for (const s of slots) counts[s.status] = (counts[s.status] ?? 0) + 1;
  return h(
    'div',
    { class: 'ledger' },
    h(
      'p',
      { class: 'muted' },
      `${plural(l.claims.length, 'claim')} in ${plural(slots.length, 'slot')}: `,
      Object.entries(counts)
        .map(([k, n]) => `${n} ${STATUS_LABEL[k as Slot['status']]}`)
        .join(', '),
    ),
    h(
      'ul',
      { class: 'slots' },
      slots.slice(0, SLOTS_SHOWN).map((s) => h(SlotItem, { s, claims, key: s.id })),
    ),
    slots.length > SLOTS_SHOWN
      ? h(
          'details',
          null,
          h('summary', null, `${slots.length - SLOTS_SHOWN} more slots`),
          h(
            'ul',
            { class: 'slots' },
            slots.slice(SLOTS_SHOWN).map((s) => h(SlotItem, { s, claims, key: s.id })),
          ),
        )
      : null,
  );
}

export const ledgerPanel: StorylinePanel = { name: 'ledger', title: 'Claim ledger', component: LedgerPanel };

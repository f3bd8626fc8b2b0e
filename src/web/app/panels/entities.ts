import { h, type JSX } from 'preact';
import type { FramingEntity } from '../../../compare/index.js';
import { api } from '../api.js';
import { Badge, Status } from '../components/common.js';
import { plural } from '../format.js';
import { useLoad } from '../use-load.js';
import type { StorylinePanel } from './types.js';

/** Entities shown before "show all". */
const ENTITIES_SHOWN = 12;

function EntityItem({ e }: { e: FramingEntity }): JSX.Element {
  const aliases = e.spellings.filter((s) => s.name !== e.name);
  const described = e.byOutlet.filter((u) => u.descriptors.length > 0);
  return h(
    'li',
    { class: 'entity' },
    h(
      'details',
      null,
      h(
        'summary',
        null,
        h('strong', { dir: 'auto' }, e.name),
        ' ',
        h(Badge, { kind: 'rule' }, e.type.toLowerCase()),
        ` ${plural(e.mentions, 'mention')}`,
        aliases.length ? h('span', { class: 'muted', dir: 'auto' }, ` · also ${aliases.map((a) => a.name).join(', ')}`) : null,
      ),
      aliases.length
        ? h(
            'p',
            null,
            'Spellings: ',
            aliases.map((a, i) => h('span', { key: i, dir: 'auto' }, `${i ? '; ' : ''}${a.name} (${plural(a.outlets.length, 'outlet')})`)),
          )
        : null,
      described.length
        ? h(
            'ul',
            { class: 'descriptors' },
            described.map((u) => h('li', { key: u.outlet, dir: 'auto' }, h('span', { class: 'muted' }, `${u.outlet}: `), u.descriptors.join('; '))),
          )
        : h('p', { class: 'muted' }, 'No outlet attaches a title or descriptor.'),
    ),
  );
}

function EntitiesPanel({ storyId, version }: { storyId: string; version: number }): JSX.Element {
  const state = useLoad((sig) => api.section<{ entities: FramingEntity[]; total: number }>(storyId, 'entities', sig), [storyId, version]);
  const d = state.data;
  return h(
    'div',
    null,
    h(Status, { state, what: 'entities' }),
    d
      ? h(
          'ul',
          { class: 'entities' },
          d.entities.slice(0, ENTITIES_SHOWN).map((e) => h(EntityItem, { e, key: e.key })),
        )
      : null,
    d && d.entities.length > ENTITIES_SHOWN
      ? h(
          'details',
          null,
          h('summary', null, `${d.entities.length - ENTITIES_SHOWN} more`),
          h(
            'ul',
            { class: 'entities' },
            d.entities.slice(ENTITIES_SHOWN).map((e) => h(EntityItem, { e, key: e.key })),
          ),
        )
      : null,
  );
}

export const entitiesPanel: StorylinePanel = { name: 'entities', title: 'Entities, aliases and descriptors', component: EntitiesPanel };

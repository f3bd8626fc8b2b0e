import type { FunctionComponent } from 'preact';

/**
 * One panel of the storyline page, fed by `GET /api/storylines/:id/<name>`.
 * Adding one (brief, ledger, timeline, entities, quotes) = one file exporting a StorylinePanel
 * plus one line in `panels/index.ts`, matching one server section.
 */
export interface StorylinePanel {
  readonly name: string;
  readonly title: string;
  /** `before` the events list (brief, timeline) or `after` it (the default). */
  readonly placement?: 'before' | 'after';
  readonly component: FunctionComponent<{ storyId: string; version: number }>;
}

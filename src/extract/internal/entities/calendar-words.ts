/** Capitalised calendar words that are never entity names. */
export const CALENDAR_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

/** Dotted month abbreviations ("Feb.", "Sept.") — calendar words, never names. */
export const DOTTED_MONTH = /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

/** ALL-CAPS teaser lines are page furniture, not reports. */

/** Upper-case share of letters above which a sentence is an ALL-CAPS teaser (seeds: teasers ≥ 0.9, body < 0.2). */
export const HEADLINE_UPPER_SHARE = 0.6;

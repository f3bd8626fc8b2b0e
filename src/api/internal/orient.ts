import type { CopyLink } from './copies.js';

/**
 * Which side of a copy link is the original. The provenance stage names the likely origin of the
 * group; when that is `b`, the link reads the other way round. Otherwise `a` (the earlier-stored) is
 * taken as the original.
 */
export function orient(link: CopyLink): { original: string; copy: string } {
  return link.origin === link.b ? { original: link.b, copy: link.a } : { original: link.a, copy: link.b };
}

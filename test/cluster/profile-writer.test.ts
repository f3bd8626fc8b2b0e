/**
 * The profile writer (profile-codec.ts encodeProfile) writes the very bytes of the format-3 encoder it replaced
 * (test/cluster/frozen/profile-codec-v3.ts): on profiles grown, shrunk and merged at random from the synthetic stream,
 * with ASCII, non-ASCII, surrogate and over-long strings mixed in (the last two go to format 2 in both), on memory
 * dirtied before each write, and from the buffer shared by every write (which holds the bytes of the profiles before).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Features, featuresOf } from '../../src/cluster/internal/features.js';
import { combineProfiles } from '../../src/cluster/internal/ops.js';
import { addToProfile, emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { decodeProfile, encodeProfile, encodeShared } from '../../src/cluster/internal/profile-codec.js';
import { appendKey, keysOf } from '../../src/cluster/internal/record-facts.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { mulberry32 } from '../../src/internal/random.js';
import { encodeProfile as frozenEncode } from './frozen/profile-codec-v3.js';

const feats: Features[] = [...syntheticStream(300)].map((a) => featuresOf({ title: a.title, text: a.text, published: a.published, language: 'xx' }));

/** Odd strings: non-ASCII letters (UTF-8 path), a surrogate pair and a lone surrogate (format 2), a long form (format 2). */
const ODD = ['łódź', 'Zürich', '北京', 'o’neill', '🦀', 'x\ud800', 'é'.repeat(300)];

/** Adds a key and its display form through the key-list protocol (record-facts.ts), as the profile code does. */
function addOdd(p: Profile, key: string, form: string): void {
  if (!(key in p.terms)) appendKey(p.terms, keysOf(p.terms), key);
  p.terms[key] = 0.5;
  if (!(key in p.surfaces)) appendKey(p.surfaces, keysOf(p.surfaces), key);
  p.surfaces[key] = form;
}

test('the writer gives the frozen format-3 encoder’s bytes (randomized)', () => {
  const r = mulberry32(23);
  const pick = (): Features => feats[Math.floor(r() * feats.length)] as Features;
  const formats = new Map<number, number>();
  // encodeProfile's Buffer is its own: later writes leave it as it was.
  let earlier: { blob: Buffer; copy: Buffer } | null = null;
  for (let trial = 0; trial < 40; trial++) {
    const p = emptyProfile();
    const members: Features[] = [];
    for (let step = 0; step < 12; step++) {
      const op = r();
      if (op < 0.65 || members.length === 0) {
        const f = pick();
        members.push(f);
        addToProfile(p, f);
      } else if (op < 0.8) addToProfile(p, members.splice(Math.floor(r() * members.length), 1)[0] as Features, -1);
      else if (op < 0.9) {
        const other = emptyProfile();
        addToProfile(other, pick());
        combineProfiles(p, other);
      } else {
        const odd = ODD[Math.floor(r() * ODD.length)] as string;
        addOdd(p, odd, r() < 0.1 ? 'y'.repeat(70_000) : odd.toUpperCase());
      }
      if (r() < 0.2) p.tLo = null;
      for (let i = 0; i < 6; i++) Buffer.allocUnsafe(2 ** (10 + i)).fill(0xa5);
      const got = encodeProfile(p);
      const want = frozenEncode(p);
      assert.ok(got.equals(want), `trial ${trial} step ${step}: same bytes (format ${want[0]})`);
      // The shared buffer (reused, so holding the bytes of earlier profiles) gives the same bytes.
      assert.ok(encodeShared(p).equals(want), `trial ${trial} step ${step}: same bytes from the shared buffer`);
      formats.set(want[0] as number, (formats.get(want[0] as number) ?? 0) + 1);
      if (earlier) assert.ok(earlier.blob.equals(earlier.copy), `trial ${trial} step ${step}: an earlier blob unchanged`);
      earlier = { blob: got, copy: Buffer.from(got) };
      if (step % 4 === 0) assert.equal(JSON.stringify(decodeProfile(got)), JSON.stringify(p), `trial ${trial} step ${step}: reads back`);
    }
  }
  assert.ok((formats.get(3) ?? 0) > 100 && (formats.get(2) ?? 0) > 10, `both formats written: ${[...formats]}`);
});

/** datesDiverge: whether any two of a profile's dates are farDays or more apart by dayGap (the pairwise definition). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayGap } from '../../src/cluster/internal/dates.js';
import { emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { datesDiverge } from '../../src/cluster/internal/refine.js';
import { mulberry32 } from '../../src/internal/random.js';

function withDates(keys: readonly string[]): Profile {
  const p = emptyProfile();
  for (const k of keys) p.dates[k] = 1;
  return p;
}

function byPairs(keys: readonly string[], farDays: number): boolean {
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) if (dayGap(keys[i] as string, keys[j] as string) >= farDays) return true;
  return false;
}

test('datesDiverge on hand-made profiles', () => {
  const table: { dates: string[]; farDays: number; want: boolean }[] = [
    { dates: [], farDays: 30, want: false },
    { dates: ['2024-03-01'], farDays: 0, want: false },
    { dates: ['2024-03-01', '2024-03-05'], farDays: 30, want: false },
    { dates: ['2024-03-01', '2024-03-05', '2024-04-10'], farDays: 30, want: true },
    { dates: ['2024-04-10', '2024-03-05', '2024-03-20'], farDays: 36, want: true },
    { dates: ['2024-04-10', '2024-03-05', '2024-03-20'], farDays: 37, want: false },
    { dates: ['--03-01', '2025-03-03'], farDays: 30, want: false },
    { dates: ['--01-02', '--12-30'], farDays: 30, want: false },
    { dates: ['--06-01', '2024-01-01', '2024-01-02'], farDays: 30, want: true },
  ];
  for (const { dates, farDays, want } of table) assert.equal(datesDiverge(withDates(dates), farDays), want, `${dates.join(' ')} / ${farDays}`);
});

test('datesDiverge equals the pairwise dayGap definition on random profiles', () => {
  const r = mulberry32(13);
  const two = (n: number) => String(n).padStart(2, '0');
  for (let trial = 0; trial < 2_000; trial++) {
    const keys = new Set<string>();
    const size = Math.floor(r() * 13);
    for (let i = 0; i < size; i++) {
      const x = r();
      const md = `${two(1 + Math.floor(r() * 12))}-${two(1 + Math.floor(r() * 31))}`;
      if (x < 0.25) keys.add(`--${md}`);
      else if (x < 0.3) keys.add('not-a-date');
      else keys.add(`${2023 + Math.floor(r() * 3)}-${md}`);
    }
    const list = [...keys];
    for (const farDays of [0, 1, 7, 30, 90, 400]) {
      assert.equal(datesDiverge(withDates(list), farDays), byPairs(list, farDays), `${list.join(' ')} / ${farDays}`);
    }
  }
});

/** eventDate: the median of the members' main dates (full dates preferred), as listing each date count times would give. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventDate } from '../../src/cluster/internal/ops.js';
import { emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { mulberry32 } from '../../src/internal/random.js';

function withDates(dates: Record<string, number>): Profile {
  const p = emptyProfile();
  Object.assign(p.dates, dates);
  return p;
}

/** The definition: each date listed as many times as its count, sorted, the lower middle one. */
function byList(dates: Record<string, number>): string | null {
  const full = Object.entries(dates).filter(([d]) => !d.startsWith('--'));
  const pool = full.length ? full : Object.entries(dates);
  const list: string[] = [];
  for (const [d, n] of pool.sort((a, b) => (a[0] < b[0] ? -1 : 1))) for (let i = 0; i < n; i++) list.push(d);
  return list.length ? (list[Math.floor((list.length - 1) / 2)] ?? null) : null;
}

test('eventDate picks the lower median, full dates over day-month ones', () => {
  const table: { dates: Record<string, number>; want: string | null }[] = [
    { dates: {}, want: null },
    { dates: { '2024-03-02': 1 }, want: '2024-03-02' },
    { dates: { '2024-03-02': 1, '2024-03-01': 1 }, want: '2024-03-01' },
    { dates: { '2024-03-01': 1, '2024-03-02': 3 }, want: '2024-03-02' },
    { dates: { '--03-05': 4, '2024-01-01': 1 }, want: '2024-01-01' },
    { dates: { '--03-05': 1, '--02-01': 2 }, want: '--02-01' },
    { dates: { '2024-03-01': 0.5, '2024-03-04': 1 }, want: '2024-03-01' },
    { dates: { '2024-03-01': 0, '2024-03-04': 0 }, want: null },
  ];
  for (const { dates, want } of table) assert.equal(eventDate(withDates(dates)), want, JSON.stringify(dates));
});

test('eventDate equals the listed median on random profiles, fractional counts included', () => {
  const r = mulberry32(3);
  for (let trial = 0; trial < 300; trial++) {
    const dates: Record<string, number> = {};
    const size = Math.floor(r() * 12);
    for (let i = 0; i < size; i++) {
      const day = `${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      const key = r() < 0.3 ? `--${day}` : `202${Math.floor(r() * 3)}-${day}`;
      dates[key] = r() < 0.2 ? Math.round(r() * 30) / 10 : 1 + Math.floor(r() * 5);
    }
    assert.equal(eventDate(withDates(dates)), byList(dates), JSON.stringify(dates));
  }
});

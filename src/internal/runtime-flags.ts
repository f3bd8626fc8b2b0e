/**
 * The V8 flags Storyline's processes are started with: `bin/storyline`'s shebang line carries them, and the npm
 * scripts that start Node themselves (`start`, `bench:cluster`) pass the same (test/foundation/runtime-flags.test.ts
 * keeps the three in step).
 *
 * --max-semi-space-size=32 (MB): each assignment leaves ~0.5 MB of short-lived garbage and updates long-lived
 * profiles, so with Node 20's default young generation (16 MB semi-spaces) a minor collection ran every ~30 articles
 * and copied ~1.3 MB of survivors each time. On the 20k clustering probe (2026-11-21, alternating runs): default
 * 822/851/866 assignments per CPU-second, 32 MB 900/901/906 with the same peak RSS (284–290 MB against 290–295),
 * 64 MB 871/899 with +50 MB RSS, 16 MB (explicit) 813/856.
 */
export const SHIPPED_V8_FLAGS: readonly string[] = ['--max-semi-space-size=32'];

/** Whether this process was started with every shipped flag (on its command line or in NODE_OPTIONS). */
export function runsWithShippedFlags(): boolean {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return SHIPPED_V8_FLAGS.every((flag) => given.includes(flag));
}

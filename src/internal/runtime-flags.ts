/**
 * The V8 flags Storyline's processes run with: `bin/storyline` relaunches itself with them (relaunchWithShippedFlags),
 * and the npm scripts that start Node themselves (`start`, `bench:cluster`) pass them (test/foundation/runtime-flags.test.ts
 * checks both).
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

/** Set to any value to run in the starting process even without the shipped flags (no second process). */
export const NO_RELAUNCH_ENV = 'STORYLINE_NO_RELAUNCH';

/** Signals passed on to the relaunched process. SIGINT is not: a terminal's Ctrl-C reaches both processes already. */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];

/**
 * Runs `script` again in a Node started with the shipped flags, unless this process has them (or NO_RELAUNCH_ENV is
 * set). The flags cannot be set once Node has started, and a shebang can carry them only through `env -S`, which
 * BusyBox's env (Alpine) rejects; so bin/storyline starts with a plain `node` and relaunches itself (~40 ms, once).
 * Resolves to false when the caller should run here (no relaunch, or the second process could not be started);
 * otherwise this process ends as the relaunched one ends (same exit code, or the same signal) and it never resolves.
 */
export function relaunchWithShippedFlags(script: string): Promise<false> {
  if (runsWithShippedFlags() || process.env[NO_RELAUNCH_ENV] !== undefined) return Promise.resolve(false);
  return import('node:child_process').then(
    ({ spawn }) =>
      new Promise<false>((resolve) => {
        const child = spawn(process.execPath, [...SHIPPED_V8_FLAGS, ...process.execArgv, script, ...process.argv.slice(2)], { stdio: 'inherit' });
        const forward = (signal: NodeJS.Signals) => child.kill(signal);
        const ignore = () => {};
        child.once('error', (err) => {
          process.stderr.write(`storyline: could not start Node with ${SHIPPED_V8_FLAGS.join(' ')} (${err.message}); running without them\n`);
          resolve(false);
        });
        child.once('spawn', () => {
          for (const s of FORWARDED) process.on(s, forward);
          // Stay alive on Ctrl-C until the relaunched process, which got it too, has finished.
          process.on('SIGINT', ignore);
        });
        child.once('exit', (code, signal) => {
          for (const s of FORWARDED) process.off(s, forward);
          process.off('SIGINT', ignore);
          if (signal) process.kill(process.pid, signal);
          else process.exit(code ?? 1);
        });
      }),
  );
}

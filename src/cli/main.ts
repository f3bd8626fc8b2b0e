import { Command, CommanderError } from 'commander';
import { packageVersion } from '../internal/package-root.js';
import { commands } from './commands/index.js';
import { CliError, ExitCode } from './context.js';

/** Builds the `storyline` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('storyline')
    .description('Storyline: turn overlapping news reports into a clear, sourced picture of each story')
    .version(packageVersion())
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of commands) register(program);
  program.exitOverride();
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI; resolves to the process exit code. Errors go to stderr, never stdout. */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (err instanceof CliError) {
      process.stderr.write(`storyline: ${err.message}\n`);
      return err.exitCode;
    }
    const e = err as Error;
    process.stderr.write(`storyline: ${e.message}\n`);
    if (e.cause) process.stderr.write(`  caused by: ${(e.cause as Error).message ?? String(e.cause)}\n`);
    if (process.env.STORYLINE_DEBUG) process.stderr.write(`${e.stack}\n`);
    return ExitCode.failure;
  }
}

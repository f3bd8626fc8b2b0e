import type { Database } from 'better-sqlite3';
import { CompareNotFoundError, type InputSnapshot, snapshotId } from '../../compare/index.js';
import { CliError, ExitCode } from '../context.js';

/** Reads what the brief, ledger and timeline commands need (synchronously); an unknown id exits with "not found". */
export function compareSnapshotOrNotFound(db: Database, id: string): InputSnapshot {
  try {
    return snapshotId(db, id);
  } catch (err) {
    if (err instanceof CompareNotFoundError) throw new CliError(err.message, ExitCode.notFound, { cause: err });
    throw err;
  }
}

import type { Command } from 'commander';
import { register as annotate } from './annotate.js';
import { register as brief } from './brief.js';
import { register as demo } from './demo.js';
import { register as duplicates } from './duplicates.js';
import { register as exportCmd } from './export.js';
import { register as extract } from './extract.js';
import { register as ingest } from './ingest.js';
import { register as ledger } from './ledger.js';
import { register as merge } from './merge.js';
import { register as move } from './move.js';
import { register as reannotate } from './reannotate.js';
import { register as search } from './search.js';
import { register as serve } from './serve.js';
import { register as split } from './split.js';
import { register as stories } from './stories.js';
import { register as timeline } from './timeline.js';
import { register as why } from './why.js';

/** Every CLI command, in the order `--help` lists them: set-up, reading, stage tools, editing, serving. */
export const commands: readonly ((program: Command) => void)[] = [
  demo,
  ingest,
  stories,
  search,
  brief,
  ledger,
  timeline,
  duplicates,
  why,
  extract,
  annotate,
  reannotate,
  merge,
  split,
  move,
  exportCmd,
  serve,
];

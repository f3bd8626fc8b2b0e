import type { Command } from 'commander';
import { register as demo } from './demo.js';
import { register as exportCmd } from './export.js';
import { register as ingest } from './ingest.js';
import { register as search } from './search.js';
import { register as stories } from './stories.js';

/** Every CLI command, in the order `--help` lists them. */
export const commands: readonly ((program: Command) => void)[] = [demo, ingest, stories, search, exportCmd];

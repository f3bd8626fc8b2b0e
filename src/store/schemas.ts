import { cleanSchema } from '../clean/schema.js';
import { clusterSchema } from '../cluster/schema.js';
import { dedupSchema } from '../dedup/schema.js';
import { extractSchema } from '../extract/schema.js';
import { coreSchema } from './core-schema.js';
import type { SchemaModule } from './migrate.js';

/** Every stage's tables, in dependency order (core first). */
export const allSchemas: readonly SchemaModule[] = [coreSchema, cleanSchema, dedupSchema, extractSchema, clusterSchema];

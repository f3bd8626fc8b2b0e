import { createClusterer } from '../../src/cluster/index.js';
import { clustererSuite } from './suite.js';

clustererSuite('online clusterer (defaults)', (db) => createClusterer(db));
clustererSuite('online clusterer without automatic merges or splits', (db) => createClusterer(db, { autoMerge: false, refine: false }));

/**
 * What dist/cli.js (started by bin/pos-sim.js) runs: the CLI, bundled as CommonJS into dist/cli.cjs so
 * that it can start from V8's code cache (dist/cli.cjs.cache; see code-cache.ts).
 */
import { join } from 'node:path';
import { runBundle } from './code-cache.js';

const dist = import.meta.dirname;
runBundle(join(dist, 'cli.cjs'), join(dist, 'cli.cjs.cache'));

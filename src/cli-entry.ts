/**
 * What dist/cli.js (started by bin/pos-sim.js) runs: the CLI, bundled as CommonJS into dist/cli.cjs so
 * that it can start from V8's code cache (see code-cache.ts). The build keeps two: the code a run
 * of `pos-sim run` compiled, and the simulator's, which every other command starts with. Picking by
 * a word of the command line may pick wrong (an option's value `run`): that only costs time.
 */
import { join } from 'node:path';
import { runBundle } from './code-cache.js';

const dist = import.meta.dirname;
runBundle(join(dist, 'cli.cjs'), join(dist, process.argv.slice(2).includes('run') ? 'cli-run.cache' : 'cli.cache'));

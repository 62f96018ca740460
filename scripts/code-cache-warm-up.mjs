// One warm-up of the CLI bundle for its code cache (src/code-cache.ts), which scripts/build.mjs
// bundles with src/code-cache.ts and runs in a process of its own:
//   node --input-type=module -e <this script> BUNDLE CACHE [--terminal] -- ARGS…
// runs `pos-sim ARGS` from BUNDLE and, when it exits, keeps in CACHE the code V8 compiled for it.
// With --terminal the command gets an 80×24 terminal that types nothing (the simulator needs one)
// and is ended once the device has drawn its first screens after the boot.
import { PassThrough } from 'node:stream';
import { runBundle } from '../src/code-cache.ts';

const [bundle, cache, ...rest] = process.argv.slice(1);
const terminal = rest[0] === '--terminal';
const args = rest.slice(rest.indexOf('--') + 1);
process.argv = [process.argv[0], 'pos-sim', ...args];

/** Device seconds per real second while the simulator boots: its boot takes 1.6 s of device time. */
const TIME_SCALE = '20';
/** Real time after which the terminal's warm-up ends whatever was drawn. */
const TERMINAL_MS = 1_500;

if (terminal) {
  process.argv.push('--time-scale', TIME_SCALE);
  const keys = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => keys, ref: () => keys, unref: () => keys });
  Object.defineProperty(process, 'stdin', { value: keys, configurable: true });
  Object.assign(process.stdout, { isTTY: true, columns: 80, rows: 24 });
  setTimeout(() => process.exit(0), TERMINAL_MS);
}
runBundle(bundle, cache, { keepCode: true });

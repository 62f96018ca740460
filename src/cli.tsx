/** The one place that wires pos-sim together: parse the command line, run the command, report errors. */
import { createRequire } from 'node:module';
import { parseCli, USAGE } from './cli-args.js';
import { hashPasswordCommand } from './commands/hash-password.js';
import { resetDevice } from './commands/reset-device.js';
import { startDevice } from './commands/start-device.js';
import { runWalkthroughsCommand } from './commands/run-walkthroughs.js';
import { listPaths } from './commands/list-paths.js';
import { mermaidChart } from './chart/mermaid-chart.js';
import { recordWalkthrough } from './commands/record-walkthrough.js';
import { practiceCommand } from './commands/practice.js';
import { runDemo } from './commands/demo.js';
import { printRecords } from './commands/print-records.js';
import { PosSimError, UsageError } from './errors.js';
import { DEFAULT_PROFILE, loadProfile, shippedProfileNames } from './profile/load-profile.js';
import { resolveDataDir, throwAwayDataDir } from './store/data-dir.js';
import { packageRoot } from './package-root.js';

const version = (): string =>
  (createRequire(import.meta.url)(`${packageRoot}/package.json`) as { version: string }).version;

const main = async (): Promise<void> => {
  const options = parseCli(process.argv.slice(2));
  if (options.help) return void console.log(USAGE);
  if (options.version) return void console.log(version());
  switch (options.command) {
    case 'chart':
      console.log(mermaidChart(options.lang));
      return;
    case 'profiles':
      for (const name of shippedProfileNames()) console.log(`${name.padEnd(12)} ${loadProfile(name).description[options.lang]}`);
      return;
    case 'hash-password':
      console.log(await hashPasswordCommand());
      return;
    case 'reset': {
      const profile = loadProfile(options.fixture);
      for (const line of resetDevice(profile, resolveDataDir(options.dataDir))) console.log(line);
      return;
    }
    case 'records': {
      const printed = printRecords({ profile: loadProfile(options.fixture), dataDir: resolveDataDir(options.dataDir), json: options.json, lang: options.lang });
      for (const line of printed.stdout) console.log(line);
      for (const line of printed.stderr) console.error(line);
      return;
    }
    case 'run':
      process.exitCode = runWalkthroughsCommand(options);
      return;
    case 'paths': {
      const fixture = options.fixture ?? DEFAULT_PROFILE;
      for (const line of listPaths({ profile: loadProfile(fixture), fixture, write: options.write })) console.log(line);
      return;
    }
    case 'record': {
      const fixture = options.fixture ?? DEFAULT_PROFILE;
      const file = options.paths[0] ?? '';
      for (const line of await recordWalkthrough({ file, profile: loadProfile(fixture), fixture, lang: options.lang })) console.log(line);
      return;
    }
    case 'practice': {
      const task = options.paths[0];
      const dataDir = resolveDataDir(options.dataDir);
      for (const line of await practiceCommand({ task, history: options.history, dataDir, lang: options.lang })) console.log(line);
      return;
    }
    case 'demo':
      for (const line of await runDemo({ procedure: options.paths[0], lang: options.langFlag, speed: options.speed, record: options.record })) console.log(line);
      return;
    case 'start': {
      const profile = loadProfile(options.fixture);
      const dataDir = options.fresh ? throwAwayDataDir() : resolveDataDir(options.dataDir);
      await startDevice({ profile, dataDir, lang: options.lang });
      return;
    }
  }
};

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    if (error instanceof PosSimError) {
      console.error(`pos-sim: ${error.message}`);
      process.exit(error.exitCode);
    }
    console.error(error);
    process.exit(1);
  },
);

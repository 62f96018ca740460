/**
 * The one place that wires pos-sim together: parse the command line, run the command, report errors.
 * Commands are imported when chosen: `--help` or `run` need not load Ink, and `pos-sim` draws its
 * first frame before the modules only the running device needs (see commands/start-device.tsx).
 */
import { createRequire } from 'node:module';
import { parseCli, usage } from './cli-args.js';
import { PosSimError, UsageError } from './errors.js';
import { fileProblem, isFileSystemError } from './file-problem.js';
import { langOfCommandLine, setToolLang, toolText } from './i18n/tool-lang.js';
import { dropColorFrom, noColorWanted } from './no-color.js';
import { resolveDataDir, throwAwayDataDir } from './store/data-dir.js';
import { packageRoot } from './package-root.js';
import { visibleControls } from './visible-controls.js';

const version = (): string => (createRequire(import.meta.url)(`${packageRoot}/package.json`) as { version: string }).version;

const main = async (): Promise<void> => {
  if (noColorWanted(process.env)) for (const stream of [process.stdout, process.stderr]) dropColorFrom(stream);
  const argv = process.argv.slice(2);
  setToolLang(langOfCommandLine(argv, process.env));
  const options = parseCli(argv, process.env);
  if (options.help) return void console.log(usage());
  if (options.version) return void console.log(version());
  switch (options.command) {
    case 'chart': {
      const { mermaidChart } = await import('./chart/mermaid-chart.js');
      console.log(mermaidChart(options.lang));
      return;
    }
    case 'profiles': {
      const { loadProfile, shippedProfileNames } = await import('./profile/load-profile.js');
      for (const name of shippedProfileNames()) console.log(`${name.padEnd(12)} ${loadProfile(name).description[options.lang]}`);
      return;
    }
    case 'hash-password': {
      const { hashPasswordCommand } = await import('./commands/hash-password.js');
      console.log(await hashPasswordCommand());
      return;
    }
    case 'reset': {
      const [{ resetDevice }, { askYesNo }, { loadProfile }] = await Promise.all([
        import('./commands/reset-device.js'),
        import('./commands/ask-yes-no.js'),
        import('./profile/load-profile.js'),
      ]);
      const profile = loadProfile(options.fixture);
      const confirm = (file: string) => {
        if (options.yes) return true;
        if (!process.stdin.isTTY) throw new UsageError(toolText('reset.needsYes', { name: profile.name, file }));
        return askYesNo(toolText('reset.confirm', { name: profile.name, file }));
      };
      for (const line of await resetDevice(profile, resolveDataDir(options.dataDir), { confirm })) console.log(line);
      return;
    }
    case 'records': {
      const [{ printRecords }, { loadProfile }] = await Promise.all([
        import('./commands/print-records.js'),
        import('./profile/load-profile.js'),
      ]);
      const printed = printRecords({
        profile: loadProfile(options.fixture),
        fixture: options.fixture,
        dataDir: resolveDataDir(options.dataDir),
        json: options.json,
        lang: options.lang,
      });
      for (const line of printed.stdout) console.log(line);
      for (const line of printed.stderr) console.error(line);
      return;
    }
    case 'run': {
      const { runWalkthroughsCommand } = await import('./commands/run-walkthroughs.js');
      process.exitCode = await runWalkthroughsCommand(options);
      return;
    }
    case 'paths': {
      const [{ listPaths }, { DEFAULT_PROFILE, loadProfile }] = await Promise.all([
        import('./commands/list-paths.js'),
        import('./profile/load-profile.js'),
      ]);
      const fixture = options.fixture ?? DEFAULT_PROFILE;
      for (const line of listPaths({ profile: loadProfile(fixture), fixture, write: options.write })) console.log(line);
      return;
    }
    case 'record': {
      const [{ recordWalkthrough }, { DEFAULT_PROFILE, loadProfile }] = await Promise.all([
        import('./commands/record-walkthrough.js'),
        import('./profile/load-profile.js'),
      ]);
      const fixture = options.fixture ?? DEFAULT_PROFILE;
      const file = options.paths[0] ?? '';
      for (const line of await recordWalkthrough({ file, profile: loadProfile(fixture), fixture, lang: options.lang })) console.log(line);
      return;
    }
    case 'practice': {
      const { practiceCommand } = await import('./commands/practice.js');
      const task = options.paths[0];
      const dataDir = resolveDataDir(options.dataDir);
      const warn = (note: string) => console.error(`pos-sim: ${visibleControls(note)}`);
      for (const line of await practiceCommand({ task, history: options.history, dataDir, lang: options.lang, warn })) console.log(line);
      return;
    }
    case 'demo': {
      const { runDemo } = await import('./commands/demo.js');
      for (const line of await runDemo({
        procedure: options.paths[0],
        lang: options.langFlag,
        speed: options.speed,
        record: options.record,
        env: options.env,
      }))
        console.log(line);
      return;
    }
    case 'screenshot': {
      const { screenshotCommand } = await import('./commands/screenshot.js');
      const lines = await screenshotCommand({
        walkthrough: options.paths[0] ?? '',
        step: options.step,
        lang: options.langFlag,
        out: options.out,
        fixture: options.fixture,
      });
      for (const line of lines) console.log(line);
      return;
    }
    case 'guide': {
      const { guideCommand } = await import('./commands/guide.js');
      const lines = await guideCommand({
        walkthrough: options.paths[0] ?? '',
        format: options.format,
        lang: options.langFlag,
        out: options.out,
        fixture: options.fixture,
      });
      for (const line of lines) console.log(line);
      return;
    }
    case 'start': {
      const { startDevice } = await import('./commands/start-device.js');
      const dataDir = options.fresh ? throwAwayDataDir() : resolveDataDir(options.dataDir);
      await startDevice({ fixture: options.fixture, dataDir, lang: options.lang, timeScale: options.timeScale });
      return;
    }
  }
};

/**
 * Ends the process once stdout and stderr have taken everything written to them. A pipe takes
 * 64 KiB at a time; what does not fit waits in the process, and process.exit would drop it.
 */
const exitWhenWritten = (code: number): void => {
  let open = 2;
  const written = () => {
    open -= 1;
    if (open === 0) process.exit(code);
  };
  // A write's callback runs once everything written before it is out (or the stream failed).
  process.stdout.write('', written);
  process.stderr.write('', written);
};

// A reader that went away (`pos-sim run … | head`) is not a failure of pos-sim: stop writing, keep the exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

main().then(
  () => exitWhenWritten(typeof process.exitCode === 'number' ? process.exitCode : 0),
  (error: unknown) => {
    if (error instanceof PosSimError) {
      console.error(`pos-sim: ${visibleControls(error.message)}`);
      return exitWhenWritten(error.exitCode);
    }
    // A file or folder that cannot be used, which no command turned into a message of its own.
    if (isFileSystemError(error)) {
      console.error(`pos-sim: ${visibleControls(fileProblem(error))}`);
      return exitWhenWritten(2);
    }
    console.error(error);
    exitWhenWritten(1);
  },
);

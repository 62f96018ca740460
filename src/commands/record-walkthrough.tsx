/**
 * `pos-sim record FILE`: the interactive device, factory-fresh, with everything pressed written to
 * FILE as a walkthrough as it happens (so an interrupted session keeps what was done).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { render } from 'ink';
import { DeviceSession } from '../device/device-session.js';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import type { Profile } from '../profile/profile-schema.js';
import { DeviceStore } from '../store/device-store.js';
import { memoryMedium } from '../store/flash-medium.js';
import { App } from '../ui/app.js';
import { replayCommand, WalkthroughRecorder } from '../walkthrough/recorder.js';
import { TuiFault } from './tui-fault.js';

export type RecordOptions = {
  readonly file: string;
  readonly profile: Profile;
  /** The profile as given on the command line, for the walkthrough's fixture line. */
  readonly fixture: string;
  readonly lang: Lang;
};

/** Records; returns what to tell the user afterwards. */
export const recordWalkthrough = async ({ file, profile, fixture, lang }: RecordOptions): Promise<string[]> => {
  if (!process.stdin.isTTY) throw new UsageError(toolText('record.needsTerminal'));
  const path = resolve(file);
  if (!/\.ya?ml$/.test(path)) throw new UsageError(toolText('record.needsYaml', { file }));
  if (existsSync(path)) throw new UsageError(toolText('record.exists', { file }));
  mkdirSync(dirname(path), { recursive: true });
  const fixtureLine = fixture.includes('/') || fixture.endsWith('.json') ? resolve(fixture) : fixture;
  // Walkthroughs run on a factory-fresh device, so the recording starts on one.
  const store = new DeviceStore({ profile, medium: memoryMedium(), now: Date.now });
  const session = new DeviceSession({ store, lang, autoSignIn: true });
  // A write that fails (a full disk) ends the recording with a message, keeping what was written.
  const fault = new TuiFault();
  const recorder = new WalkthroughRecorder({
    session,
    fixture: fixtureLine,
    name: basename(path, extname(path)),
    dir: dirname(path),
    now: Date.now,
    onChange: (text) => {
      if (fault.reported) return;
      try {
        writeFileSync(path, text);
      } catch (error) {
        fault.report(error as Error);
      }
    },
  });
  writeFileSync(path, recorder.text());
  const app = render(
    <App
      session={session}
      send={recorder.send}
      sendPhone={recorder.sendPhone}
      powerCut={recorder.powerCut}
      setPaper={recorder.setPaper}
      allowReset={false}
    />,
    { exitOnCtrlC: true },
  );
  fault.attach(app);
  try {
    await app.waitUntilExit();
    recorder.stop();
    fault.throwIfAny();
  } finally {
    session.stop();
  }
  return [toolText('record.done', { file }), toolText('record.replay', { command: replayCommand(file, recorder.variables) })];
};

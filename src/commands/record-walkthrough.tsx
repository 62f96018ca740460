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
import type { Profile } from '../profile/profile-schema.js';
import { DeviceStore } from '../store/device-store.js';
import { memoryMedium } from '../store/flash-medium.js';
import { App } from '../ui/app.js';
import { WalkthroughRecorder } from '../walkthrough/recorder.js';
import { NEW_PASSWORD_ENV, PASSWORD_ENV } from '../walkthrough/walkthrough.js';

export type RecordOptions = {
  readonly file: string;
  readonly profile: Profile;
  /** The profile as given on the command line, for the walkthrough's fixture line. */
  readonly fixture: string;
  readonly lang: Lang;
};

/** Records; returns what to tell the user afterwards. */
export const recordWalkthrough = async ({ file, profile, fixture, lang }: RecordOptions): Promise<string[]> => {
  if (!process.stdin.isTTY) throw new UsageError('pos-sim record needs an interactive terminal.');
  const path = resolve(file);
  if (!/\.ya?ml$/.test(path)) throw new UsageError(`${file}: a walkthrough file ends in .yaml or .yml.`);
  if (existsSync(path)) throw new UsageError(`${file} exists; record into a new file (nothing was changed).`);
  mkdirSync(dirname(path), { recursive: true });
  const fixtureLine = fixture.includes('/') || fixture.endsWith('.json') ? resolve(fixture) : fixture;
  // Walkthroughs run on a factory-fresh device, so the recording starts on one.
  const store = new DeviceStore({ profile, medium: memoryMedium(), now: Date.now });
  const session = new DeviceSession({ store, lang });
  const recorder = new WalkthroughRecorder({
    session,
    fixture: fixtureLine,
    name: basename(path, extname(path)),
    dir: dirname(path),
    now: Date.now,
    onChange: (text) => writeFileSync(path, text),
  });
  writeFileSync(path, recorder.text());
  const app = render(<App session={session} send={recorder.send} powerCut={recorder.powerCut} allowReset={false} />, { exitOnCtrlC: true });
  await app.waitUntilExit();
  recorder.stop();
  session.stop();
  return [
    `Recorded ${file}.`,
    `Replay it with: ${[
      ...(recorder.typesPassword ? [`${PASSWORD_ENV}=<the password>`] : []),
      ...(recorder.typesNewPassword ? [`${NEW_PASSWORD_ENV}=<the new password>`] : []),
      `pos-sim run ${file}`,
    ].join(' ')}`,
  ];
};

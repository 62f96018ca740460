/**
 * The device's boot screen as the first frame of `pos-sim`, drawn while the rest of the simulator
 * (profile validation, the device store, the state machines) loads: the same DeviceFrame and row
 * layout the App draws for the booting device, with the progress bar at 0.
 *
 * It reads the profile and the device data with a plain JSON.parse, only for what the boot screen
 * shows. Anything unexpected there means no splash: the full start-up then validates and reports.
 * Keep this module's imports light (no zod, xstate or conf): it decides how soon the first frame comes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useInput, useStdin } from 'ink';
import { chinaClock } from '../china-time.js';
import { translator, type Lang } from '../i18n/messages.js';
import { profilesDir } from '../package-root.js';
import { displayRows } from '../screen/screen-text.js';
import type { DisplaySpec } from '../screen/default-display.js';
import { DeviceFrame, frameSize } from './device-frame.js';

export type BootSplashInfo = {
  /** The profile's name: it names the device data file and the lock. */
  readonly name: string;
  readonly brand: string;
  readonly model: string;
  readonly terminalId: string;
  readonly display: DisplaySpec;
  /** The network as the device data (or, on a first run, the profile) has it. */
  readonly online: boolean;
  /** Settings waiting for a restart: the boot screen says it applies them. */
  readonly applying: boolean;
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
};

/** The same file `loadProfile` reads for this name or path (it also says when there is none). */
const profileFile = (nameOrPath: string): string =>
  nameOrPath.includes('/') || nameOrPath.endsWith('.json') ? resolve(nameOrPath) : join(profilesDir, `${nameOrPath}.json`);

/** What the boot screen shows for this profile and data folder, or undefined when it cannot tell cheaply. */
export const readBootSplash = (nameOrPath: string, dataDir: string): BootSplashInfo | undefined => {
  const file = profileFile(nameOrPath);
  if (!existsSync(file)) return undefined;
  const profile = readJson(file);
  if (!isObject(profile) || !isObject(profile.device)) return undefined;
  const { name, network } = profile;
  const { brand, model, terminalId, display = { columns: 36, rows: 10 } } = profile.device;
  if (!isText(name) || !/^[a-z0-9-]+$/.test(name) || !isText(brand) || !isText(model) || !isText(terminalId)) return undefined;
  if (!isObject(display) || !isCount(display.columns) || !isCount(display.rows)) return undefined;
  if (display.kind !== undefined && display.kind !== 'smart' && display.kind !== 'classic') return undefined;
  if (network !== 'online' && network !== 'offline') return undefined;
  const stored = join(dataDir, `${name}.json`);
  let online = network === 'online';
  let applying = false;
  if (existsSync(stored)) {
    const data = readJson(stored);
    // Damaged data: the full start-up reports it, with no splash before the message.
    if (!isObject(data) || (data.network !== 'online' && data.network !== 'offline') || !isObject(data.passwordFree)) return undefined;
    online = data.network === 'online';
    applying = data.passwordFree.pending !== undefined;
  }
  return {
    name,
    brand,
    model,
    terminalId,
    display: { columns: display.columns, rows: display.rows, ...(display.kind === 'classic' ? { kind: 'classic' as const } : {}) },
    online,
    applying,
  };
};

/** Whether the terminal has room for the device frame (else the App's "too small" message comes first). */
export const splashFits = (info: BootSplashInfo, terminal: { readonly columns?: number; readonly rows?: number }): boolean => {
  const frame = frameSize(info.display);
  return (terminal.columns ?? 80) >= frame.width && (terminal.rows ?? 24) >= frame.height;
};

type BootSplashProps = { readonly info: BootSplashInfo; readonly lang: Lang; readonly now: number };

/** Takes the keys while it shows (as the App does), so that they are neither echoed nor lost to the shell. */
const KeySink = () => {
  useInput(() => {});
  return null;
};

export const BootSplash = ({ info, lang, now }: BootSplashProps) => {
  const t = translator(lang);
  const { isRawModeSupported } = useStdin();
  const rows = displayRows(
    {
      title: t('boot.title', { brand: info.brand, model: info.model }),
      lines: [{ text: t(info.applying ? 'boot.applying' : 'boot.starting') }, { text: '' }],
      hints: {},
      progress: 0,
    },
    { online: info.online, time: chinaClock(now), terminalId: info.terminalId },
    t,
    info.display,
  );
  return (
    <>
      <DeviceFrame rows={rows} display={info.display} />
      {isRawModeSupported === true && <KeySink />}
    </>
  );
};

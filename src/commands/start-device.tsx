/**
 * `pos-sim`: the interactive simulator on the chosen profile and data folder.
 *
 * The first frame is the device's boot screen, drawn by a light module (Ink and the device frame)
 * while the rest (zod, conf, xstate, the App) is imported; the App then takes over the same Ink
 * render. A failure on the way (bad profile, damaged data) erases the boot screen before the error
 * is reported, and the device lock is always released. A save that fails while the device runs
 * ends it cleanly (see TuiFault): terminal restored, lock released, the message naming the file.
 */
import { render, type Instance } from 'ink';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { lockDevice, type DeviceLock } from '../store/device-lock.js';
import { BootSplash, readBootSplash, splashFits } from '../ui/boot-splash.js';
import { TuiFault } from './tui-fault.js';

export type StartOptions = {
  /** Profile name or path; the default profile when absent. */
  readonly fixture?: string | undefined;
  readonly dataDir: string;
  readonly lang: Lang;
  /** Device seconds per real second (--time-scale). */
  readonly timeScale?: number;
};

export const startDevice = async ({ fixture = 'default', dataDir, lang, timeScale = 1 }: StartOptions): Promise<void> => {
  if (!process.stdin.isTTY) {
    // A profile that cannot be used is worth saying first: its fix is in the file, not the window.
    (await import('../profile/load-profile.js')).loadProfile(fixture);
    throw new UsageError(toolText('start.needsTerminal'));
  }
  const splash = readBootSplash(fixture, dataDir);
  const fault = new TuiFault();
  let lock: DeviceLock | undefined;
  let ink: Instance | undefined;
  let session: import('../device/device-session.js').DeviceSession | undefined;
  let exited = false;
  try {
    if (splash && splashFits(splash, process.stdout)) {
      // A device in use is refused before anything is drawn.
      lock = lockDevice(dataDir, splash.name);
      ink = render(<BootSplash info={splash} lang={lang} now={Date.now()} />, { exitOnCtrlC: true });
      void ink.waitUntilExit().then(() => {
        exited = true;
      });
    }
    let heavy: typeof import('./open-device.js');
    let clock: import('../device/live-clock.js').LiveClock;
    try {
      heavy = await import('./open-device.js');
      clock = new heavy.LiveClock({ scale: timeScale });
      const profile = heavy.loadProfile(fixture);
      lock ??= lockDevice(dataDir, profile.name);
      session = heavy.openSession({ profile, fixture, dataDir, lang, onWriteFailure: fault.report, clock });
      // The first save of a new device failed: said before the device is drawn.
      fault.throwIfAny();
    } catch (error) {
      if (ink) {
        // Leave no boot screen above the message: draw nothing, then give the terminal back.
        ink.rerender(null);
        ink.unmount();
      }
      throw error;
    }
    // Ctrl+C on the boot screen.
    if (exited) return;
    const app = <heavy.App session={session} fastForward={() => clock.fastForward()} />;
    if (ink) ink.rerender(app);
    else ink = render(app, { exitOnCtrlC: true });
    fault.attach(ink);
    await ink.waitUntilExit();
    fault.throwIfAny();
  } finally {
    session?.stop();
    lock?.release();
  }
};

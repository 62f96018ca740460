/**
 * What is on screen at one moment, as plain data: the device's display rows (with the selection and
 * each line's tone), and the phone and the printer beside it when they are shown. It is what a
 * picture is drawn from and what a golden snapshot stores, and it crosses from a worker to the
 * reporter as it is.
 */
import type { DeviceSession } from '../device/device-session.js';
import type { Lang } from '../i18n/messages.js';
import type { LineTone } from '../screen/screen.js';
import type { DisplayRows } from '../screen/screen-text.js';
import type { GridSize } from '../screen/text-layout.js';

/** One body row of the display. */
export type CapturedLine = {
  readonly text: string;
  readonly selected: boolean;
  readonly tone: LineTone;
};

/** The phone beside the device: its screen, laid out on its own grid like the display. */
export type CapturedPhone = {
  readonly status: string;
  readonly title: string;
  /** Exactly PHONE_DISPLAY.rows rows. */
  readonly body: readonly CapturedLine[];
  readonly hints: string;
  /** A list with rows out of view: `^` above, `v` below (DisplayRows.more). */
  readonly more?: string;
};

export type ScreenCapture = {
  /** The device's language (the panels' titles). */
  readonly lang: Lang;
  /** The display's text grid. */
  readonly display: GridSize;
  readonly status: string;
  readonly title: string;
  /** Exactly `display.rows` rows. */
  readonly body: readonly CapturedLine[];
  readonly hints: string;
  /** A list with rows out of view: `^` above, `v` below (DisplayRows.more). */
  readonly more?: string;
  readonly phone?: CapturedPhone;
  /** The paper of the printout on the printer, top to bottom. */
  readonly paper?: readonly string[];
};

/** Display rows as plain data (what a row does not show is dropped). */
const capturedRows = (rows: DisplayRows) => ({
  status: rows.status.trimEnd(),
  title: rows.title.trimEnd(),
  body: rows.body.map((line) => ({ text: line.text.trimEnd(), selected: line.selected, tone: line.tone })),
  hints: rows.hints.trimEnd(),
  ...(rows.more ? { more: rows.more } : {}),
});

/** A capture of display rows as the frame draws them, with the phone's rows and the paper when they are shown. */
export const captureRows = (
  rows: DisplayRows,
  display: GridSize,
  lang: Lang,
  beside: { readonly phone?: DisplayRows; readonly paper?: readonly string[] } = {},
): ScreenCapture => ({
  lang,
  display: { columns: display.columns, rows: display.rows },
  ...capturedRows(rows),
  ...(beside.phone ? { phone: capturedRows(beside.phone) } : {}),
  ...(beside.paper ? { paper: beside.paper } : {}),
});

/**
 * What the session shows now. `paperShown`: whether the last printout is still on the printer (the
 * UI and the simulator tear it off when a key is pressed on the home screen). The phone is shown
 * when the session needs it, as the UI shows it.
 */
export const captureScreen = (session: DeviceSession, paperShown: boolean): ScreenCapture => {
  const paper = paperShown
    ? session
        .printouts()
        .at(-1)
        ?.text.split('\n')
        .map((line) => line.trimEnd())
    : undefined;
  return captureRows(session.rows(), session.profile.device.display, session.lang, {
    ...(session.phoneNeeded() ? { phone: session.phone.rows() } : {}),
    ...(paper ? { paper } : {}),
  });
};

/** The capture with every text on it passed through `change` (e.g. to hide secrets). */
export const mapCaptureText = (capture: ScreenCapture, change: (text: string) => string): ScreenCapture => {
  const rows = <T extends Pick<ScreenCapture, 'status' | 'title' | 'body' | 'hints'>>(screen: T): T => ({
    ...screen,
    status: change(screen.status),
    title: change(screen.title),
    body: screen.body.map((line) => ({ ...line, text: change(line.text) })),
    hints: change(screen.hints),
  });
  return {
    ...rows(capture),
    ...(capture.phone ? { phone: rows(capture.phone) } : {}),
    ...(capture.paper ? { paper: capture.paper.map(change) } : {}),
  };
};

/**
 * The interactive simulator: the device frame, the panels around it (phone, printer, key legend,
 * and whatever a command puts beside it), and the terminal keys wired to the device — or to the
 * phone, when the keypad is moved to it (Tab). The phone is on screen when the trainer keeps it
 * there (h), or while it is needed: a texted code the terminal waits for, a payment to confirm on
 * it, an app open on it, or the keypad on it; a payment to confirm moves the keypad to it, and back
 * when it is answered. Where each panel goes is decided by planLayout; this component only draws the plan.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Box, Text, useStdin, type Key } from 'ink';
import type { DeviceEvent, KeyEvent } from '../../menus/device-events.js';
import type { DeviceSession } from '../device/device-session.js';
import { fileReason } from '../file-problem.js';
import { captureScreen } from '../picture/screen-capture.js';
import { KEY_BINDINGS, keyAction, TRAINER_BINDINGS, type TrainerAction } from '../keys/key-map.js';
import { formatDuration } from '../screen/device-view.js';
import { DeviceFrame, frameSize } from './device-frame.js';
import { KeyLegend, legendWidth } from './key-legend.js';
import { PANEL_GAP, planLayout, type PanelId, type PanelRequest, type Placement } from './layout-plan.js';
import { PHONE_CHROME_ROWS, PHONE_HEIGHT, PHONE_MIN_HEIGHT, PHONE_WIDTH, PhonePanel } from './phone-panel.js';
import { parsePhoneKey } from '../keys/device-keys.js';
import type { TerminalKey } from '../keys/terminal-input.js';
import { PRINTER_CHROME_ROWS, PRINTER_WIDTH, PrinterPanel } from './printer-panel.js';
import { useDeviceRows } from './use-device-rows.js';
import { useTerminalKeys } from './use-terminal-keys.js';
import { useTerminalSize } from './use-terminal-size.js';

/** What a command puts beside the device (the practice's task card, the demo's captions). */
export type Aside = ReactNode | ((size: { readonly columns: number; readonly rows: number }) => ReactNode);

type AppProps = {
  readonly session: DeviceSession;
  /** Where the keys go; straight to the device unless something (the recorder) listens in. */
  readonly send?: (event: DeviceEvent) => void;
  /** Where the keys go while the phone has the keypad; straight to the phone unless something (the recorder) listens in. */
  readonly sendPhone?: (event: KeyEvent) => void;
  /** Keep the phone on screen from the start (a demo that plays on it), as the trainer's h does. */
  readonly showPhone?: boolean;
  /** The phone goes away unless the device needs it (a practice's score card wants the rows). */
  readonly phoneAway?: boolean;
  /** Where the keys are being pressed, when someone else presses them (a demo): that side is drawn focused. */
  readonly keypadOn?: 'terminal' | 'phone';
  /** The power fails (trainer control); the recorder listens in here too. */
  readonly powerCut?: () => void;
  /** The printer's paper taken out or loaded (trainer control); the recorder listens in here too. */
  readonly setPaper?: (paper: boolean) => void;
  /** Whether the trainer may reset the device to its profile (not while recording). */
  readonly allowReset?: boolean;
  /**
   * Moves the device clock on (trainer control), returning how far in ms; absent where the device's
   * time must run as it is (practice, recording), and the key then does nothing.
   */
  readonly fastForward?: () => number;
  /** Drawn instead of the key legend, beside the device or below it; a function hears the room it has. */
  readonly aside?: Aside;
  /** Hears each terminal key first; returns true when it took the key, which then goes no further. */
  readonly onKey?: (input: string, key: Key) => boolean;
};

/** What the legend says after a trainer key: what just happened, or that R needs a second R. */
type TrainerNote = {
  readonly key:
    | 'keys.confirmReset'
    | 'keys.note.networkDown'
    | 'keys.note.networkUp'
    | 'keys.note.powerCut'
    | 'keys.note.reset'
    | 'keys.note.fastForward'
    | 'keys.note.paperOut'
    | 'keys.note.paperIn'
    | 'keys.note.screenshot'
    | 'keys.note.screenshotFailed'
    | 'keys.note.phoneShown'
    | 'keys.note.phoneAuto'
    | 'keys.note.phoneNoRoom';
  /** How far the clock moved on (fast-forward). */
  readonly time?: string;
  /** The picture's file (screenshot), or why it was not written. */
  readonly file?: string;
};

/** The legend's width beside the frame, and the least it reads in. */
const LEGEND_WIDTH = 30;
const LEGEND_MIN_WIDTH = 26;
/** The legend's rows: its title, the device keys, Ctrl+C, the trainer's title and keys, and a note. */
const legendHeight = (allowReset: boolean, allowFastForward: boolean, note: boolean) =>
  1 +
  KEY_BINDINGS.length +
  1 +
  1 +
  TRAINER_BINDINGS.filter(
    (binding) => (allowReset || binding.action !== 'FACTORY_RESET') && (allowFastForward || binding.action !== 'FAST_FORWARD'),
  ).length +
  (note ? 1 : 0);
/** The aside takes the rows it is given, but fewer than this and it no longer reads. */
const ASIDE_MIN_WIDTH = 30;
const ASIDE_MIN_ROWS = 10;
/** A printout shows its end: fewer rows than this and there is too little of it. */
const PRINTER_MIN_ROWS = 8;

export const App = ({
  session,
  send = (event) => session.send(event),
  sendPhone = (event) => session.phone.send(event),
  showPhone = false,
  phoneAway = false,
  keypadOn,
  powerCut = () => session.powerCut(),
  setPaper = (paper) => session.store.printer.setPaper(paper),
  allowReset = true,
  fastForward,
  aside,
  onKey,
}: AppProps) => {
  const { isRawModeSupported } = useStdin();
  // The ref answers the next key at once (keys can arrive together); the note redraws the legend.
  const resetArmedRef = useRef(false);
  const [note, setNote] = useState<TrainerNote | undefined>(undefined);
  // Printouts already torn off: the printer shows a new one until a key is pressed at the home screen.
  const [tornOff, setTornOff] = useState(() => session.store.printer.printedCount());
  // The phone: kept on screen by the trainer (h), and whether the keypad goes to it. The refs answer
  // the next key at once (keys can arrive together); the state redraws.
  const phoneKeptRef = useRef(showPhone);
  const [phoneKept, setPhoneKeptDrawn] = useState(showPhone);
  const focusRef = useRef<'terminal' | 'phone'>('terminal');
  const [focus, setFocusDrawn] = useState<'terminal' | 'phone'>('terminal');
  /** Whether a payment to confirm was pending when last looked, and whether it moved the keypad to the phone. */
  const requestRef = useRef({ pending: false, movedFocus: false });
  const setFocus = (focus: 'terminal' | 'phone', redraw = true) => {
    focusRef.current = focus;
    if (redraw) setFocusDrawn(focus);
  };
  /**
   * A payment to confirm moves the keypad to the phone, and back once it is answered. Looked at
   * before each key and after each drawing.
   */
  const followPaymentRequest = (redraw: boolean) => {
    const pending = session.store.wallets.paymentRequest() !== undefined;
    const seen = requestRef.current;
    if (pending && !seen.pending) {
      requestRef.current = { pending, movedFocus: focusRef.current !== 'phone' };
      setFocus('phone', redraw);
    } else if (!pending && seen.pending) {
      if (seen.movedFocus) setFocus('terminal', redraw);
      requestRef.current = { pending, movedFocus: false };
    }
  };
  const trainer = (action: TrainerAction) => {
    resetArmedRef.current = action === 'FACTORY_RESET' && allowReset && !resetArmedRef.current;
    switch (action) {
      case 'NETWORK_TOGGLE': {
        const online = session.actor.getSnapshot().context.online;
        setNote({ key: online ? 'keys.note.networkDown' : 'keys.note.networkUp' });
        return send({ type: online ? 'NETWORK_DOWN' : 'NETWORK_UP' });
      }
      case 'PAPER_TOGGLE': {
        const paper = !session.store.printer.hasPaper();
        setPaper(paper);
        return setNote({ key: paper ? 'keys.note.paperIn' : 'keys.note.paperOut' });
      }
      case 'POWER_CUT':
        setNote({ key: 'keys.note.powerCut' });
        return powerCut();
      case 'FACTORY_RESET':
        if (!allowReset) return;
        // Twice, so that a stray key never wipes a device a trainer prepared.
        if (resetArmedRef.current) return setNote({ key: 'keys.confirmReset' });
        setNote({ key: 'keys.note.reset' });
        session.store.reset();
        // The trainer's scene starts over: the customer's phone too.
        session.phone.reset();
        setFocus('terminal');
        return session.powerCut();
      case 'FAST_FORWARD':
        if (fastForward) setNote({ key: 'keys.note.fastForward', time: formatDuration(fastForward(), session.t) });
        return;
      case 'SCREENSHOT': {
        const capture = captureScreen(session, session.store.printer.printedCount() > tornOff);
        void import('../picture/save-screenshot.js')
          .then(({ saveScreenshot }) => saveScreenshot(capture, process.cwd(), session.store.now()))
          .then(
            (file) => setNote({ key: 'keys.note.screenshot', file }),
            (error: unknown) => setNote({ key: 'keys.note.screenshotFailed', file: fileReason(error) }),
          );
        return;
      }
      case 'PHONE_TOGGLE': {
        const kept = !phoneKeptRef.current;
        phoneKeptRef.current = kept;
        setPhoneKeptDrawn(kept);
        if (!kept) setFocus('terminal');
        return setNote({ key: kept ? 'keys.note.phoneShown' : 'keys.note.phoneAuto' });
      }
    }
  };
  const size = useTerminalSize();
  const phoneWantedRef = useRef(false);
  const phonePlacedRef = useRef(false);
  const rows = useDeviceRows(session);
  const { display } = session.profile.device;
  const frame = frameSize(display);
  useLayoutEffect(() => followPaymentRequest(true));
  // The phone is on screen when kept there, or while it is needed.
  const phoneWanted = (!phoneAway && (phoneKept || focus === 'phone')) || session.phoneNeeded();
  /**
   * Keys that came in the same burst as the Tab that moved the keypad to a phone not drawn yet
   * (tmux's `send-keys Tab 2`): held until it is drawn, then played, so a burst does what its keys
   * do one by one.
   */
  const heldKeysRef = useRef<TerminalKey[]>([]);
  const focusMovedRef = useRef(false);
  const handleKey = (terminalKey: TerminalKey) => {
    const { input, key } = terminalKey;
    if (onKey?.(input, key)) return;
    followPaymentRequest(true);
    const action = keyAction({ input, key });
    if (action?.kind === 'trainer') return trainer(action.action);
    resetArmedRef.current = false;
    setNote(undefined);
    if (action?.kind === 'focus') {
      if (!phonePlacedRef.current && focusRef.current === 'terminal' && phoneWantedRef.current)
        return setNote({ key: 'keys.note.phoneNoRoom' });
      const to = focusRef.current === 'phone' ? 'terminal' : 'phone';
      focusMovedRef.current = to === 'phone' && !phonePlacedRef.current;
      return setFocus(to);
    }
    // The phone has the keypad's keys; 菜单, F1 and the power key stay the terminal's.
    const event = action?.kind === 'device' ? action.event : undefined;
    const phoneKey = event && parsePhoneKey(event.type === 'DIGIT' ? event.digit : event.type);
    if (phoneKey && focusRef.current === 'phone' && !phonePlacedRef.current && focusMovedRef.current) {
      heldKeysRef.current.push(terminalKey);
      return;
    }
    if (phoneKey && focusRef.current === 'phone' && phonePlacedRef.current) return sendPhone(phoneKey);
    if (session.activeStates().includes('device.home')) setTornOff(session.store.printer.printedCount());
    if (event) send(event);
  };
  useTerminalKeys(
    (terminalKey) => {
      if (heldKeysRef.current.length > 0) heldKeysRef.current.push(terminalKey);
      else handleKey(terminalKey);
    },
    { isActive: isRawModeSupported === true },
  );

  const paper = session.store.printer.printedCount() > tornOff ? session.printouts().at(-1)?.text.split('\n') : undefined;
  let noteText =
    note && session.t(note.key, { profile: session.profile.name, time: note.time ?? '', file: note.file ?? '', reason: note.file ?? '' });
  // Under a card or captions in a short window the phone gives up rows of its screen, so that they keep theirs.
  const phoneRows = !phoneWanted
    ? 0
    : aside === undefined
      ? PHONE_HEIGHT
      : Math.max(PHONE_MIN_HEIGHT, Math.min(PHONE_HEIGHT, size.rows - 1 - ASIDE_MIN_ROWS));
  const phoneRequest: PanelRequest[] = phoneWanted
    ? [{ id: 'phone', width: PHONE_WIDTH, minWidth: PHONE_WIDTH, height: phoneRows, minHeight: PHONE_MIN_HEIGHT }]
    : [];
  const printerRequest: PanelRequest[] = paper
    ? [
        {
          id: 'printer',
          width: PRINTER_WIDTH,
          minWidth: PRINTER_WIDTH,
          height: paper.length + PRINTER_CHROME_ROWS,
          minHeight: PRINTER_MIN_ROWS,
        },
      ]
    : [];
  const phoneFirst = session.phoneNeeded() || focus === 'phone';
  const requests = (withNote: boolean): PanelRequest[] => [
    // The card or captions keep their place; the phone goes under them when it comes (P3, P4).
    ...(aside !== undefined
      ? [
          {
            id: 'aside' as const,
            width: size.columns,
            minWidth: ASIDE_MIN_WIDTH,
            height: size.rows - 1 - phoneRows,
            minHeight: ASIDE_MIN_ROWS,
            padded: true,
          },
        ]
      : []),
    // A phone only kept on screen (h) gives its place to a new printout until it is torn off.
    ...(phoneFirst ? [...phoneRequest, ...printerRequest] : [...printerRequest, ...phoneRequest]),
    ...(withNote && noteText ? [{ id: 'note' as const, width: LEGEND_WIDTH, minWidth: 10, height: 1, padded: true }] : []),
    ...(aside === undefined
      ? [
          {
            id: 'legend' as const,
            width: Math.max(
              LEGEND_WIDTH,
              legendWidth({
                lang: session.lang,
                keyLabels: session.profile.device.keyLabels,
                note: noteText,
                allowReset,
                allowFastForward: fastForward !== undefined,
              }),
            ),
            minWidth: LEGEND_MIN_WIDTH,
            height: legendHeight(allowReset, fastForward !== undefined, noteText !== undefined),
            padded: true,
          },
        ]
      : []),
  ];
  let plan = planLayout(size, frame, requests(false));
  // The phone the device needs (a texted code, a payment to confirm) has no room: say so, and the window it needs beside the device.
  if (plan.kind === 'fits' && plan.left.includes('phone') && session.phoneNeeded() && noteText === undefined) {
    noteText = session.t('keys.note.phoneNeedsRoom', {
      columns: frame.width + PANEL_GAP + PHONE_WIDTH,
      rows: Math.max(frame.height, PHONE_MIN_HEIGHT) + 1,
    });
    plan = planLayout(size, frame, requests(false));
  }
  // Without the legend the trainer's note (再按 R …) must still be seen: on its own line.
  if (plan.kind === 'fits' && plan.left.includes('legend') && noteText) plan = planLayout(size, frame, requests(true));

  const phonePlaced = plan.kind === 'fits' && plan.placements.some((placement) => placement.id === 'phone');
  const phoneFocused = phonePlaced && (keypadOn ?? focus) === 'phone';
  // Where the keys go needs to know, at the next key, whether the phone is drawn.
  useLayoutEffect(() => {
    phoneWantedRef.current = phoneWanted;
    phonePlacedRef.current = phonePlaced;
    focusMovedRef.current = false;
    const held = heldKeysRef.current;
    heldKeysRef.current = [];
    for (const [index, terminalKey] of held.entries()) {
      if (heldKeysRef.current.length > 0) {
        heldKeysRef.current.push(...held.slice(index));
        break;
      }
      handleKey(terminalKey);
    }
  });

  if (plan.kind === 'tooSmall') {
    return (
      <Text color="yellow">
        {session.t('screen.tooSmall', { columns: plan.columns, rows: plan.rows, actualColumns: size.columns, actualRows: size.rows })}
      </Text>
    );
  }

  const draw = (placement: Placement): ReactNode => {
    const panels: Record<PanelId, () => ReactNode> = {
      phone: () => <PhonePanel rows={session.phone.rows(placement.height - PHONE_CHROME_ROWS)} t={session.t} focused={phoneFocused} />,
      printer: () => paper && <PrinterPanel lines={paper} t={session.t} height={placement.height} />,
      aside: () => (typeof aside === 'function' ? aside({ columns: placement.width, rows: placement.height }) : aside),
      note: () => (
        <Box paddingX={1}>
          <Text color="yellow">{noteText}</Text>
        </Box>
      ),
      legend: () => (
        <KeyLegend
          lang={session.lang}
          keyLabels={session.profile.device.keyLabels}
          note={noteText}
          allowReset={allowReset}
          allowFastForward={fastForward !== undefined}
        />
      ),
    };
    return (
      <Box key={placement.id} flexDirection="column" flexShrink={0} width={placement.width} marginLeft={placement.indent}>
        {panels[placement.id]()}
      </Box>
    );
  };
  const beside = plan.placements.filter((placement) => placement.place === 'beside');
  const below = plan.placements.filter((placement) => placement.place === 'below');
  const columns = [...new Set(beside.map((placement) => placement.column))];
  // Text panels (legend, card, captions) keep a column of padding of their own; a bordered panel gets it as a margin.
  const margin = (column: number) => {
    const first = beside.find((placement) => placement.column === column);
    return first === undefined || first.id === 'phone' || first.id === 'printer' ? PANEL_GAP : 0;
  };
  return (
    <Box flexDirection="column" alignItems="flex-start">
      <Box flexDirection="row" alignItems="flex-start">
        {/* Under the device itself, as planned: not under a column beside it that runs longer. */}
        <Box flexDirection="column" flexShrink={0}>
          <DeviceFrame rows={rows} display={display} focused={phonePlaced && !phoneFocused} />
          {below.map(draw)}
        </Box>
        {columns.map((column) => (
          <Box key={column} flexDirection="column" marginLeft={margin(column)} flexShrink={0}>
            {beside.filter((placement) => placement.column === column).map(draw)}
          </Box>
        ))}
      </Box>
    </Box>
  );
};

/** The interactive simulator: the device frame, the key legend, and the terminal keys wired to the device. */
import { useRef, useState, type ReactNode } from 'react';
import { Box, Text, useStdin, type Key } from 'ink';
import type { DeviceEvent } from '../../menus/device-events.js';
import type { DeviceSession } from '../device/device-session.js';
import { keyAction, type TrainerAction } from '../keys/key-map.js';
import { formatDuration } from '../screen/device-view.js';
import { DeviceFrame, frameSize } from './device-frame.js';
import { KeyLegend } from './key-legend.js';
import { isFreshSms, PHONE_MIN_WIDTH, PHONE_WIDTH, PhonePanel } from './phone-panel.js';
import { useDeviceRows } from './use-device-rows.js';
import { useTerminalKeys } from './use-terminal-keys.js';
import { useTerminalSize } from './use-terminal-size.js';

type AppProps = {
  readonly session: DeviceSession;
  /** Where the keys go; straight to the device unless something (the recorder) listens in. */
  readonly send?: (event: DeviceEvent) => void;
  /** The power fails (trainer control); the recorder listens in here too. */
  readonly powerCut?: () => void;
  /** Whether the trainer may reset the device to its profile (not while recording). */
  readonly allowReset?: boolean;
  /**
   * Moves the device clock on (trainer control), returning how far in ms; absent where the device's
   * time must run as it is (practice, recording), and the key then does nothing.
   */
  readonly fastForward?: () => number;
  /**
   * Drawn instead of the key legend, beside the device or below it (practice: the task card); a
   * function hears the columns it has.
   */
  readonly aside?: ReactNode | ((columns: number) => ReactNode);
  /** Hears each terminal key first; returns true when it took the key, which then goes no further. */
  readonly onKey?: (input: string, key: Key) => boolean;
};

/** What the legend says after a trainer key: what just happened, or that R needs a second R. */
type TrainerNote = {
  readonly key: 'keys.confirmReset' | 'keys.note.networkDown' | 'keys.note.networkUp' | 'keys.note.powerCut' | 'keys.note.reset' | 'keys.note.fastForward';
  /** How far the clock moved on (fast-forward). */
  readonly time?: string;
};

/** The legend needs this many columns beside the frame. */
const LEGEND_WIDTH = 30;

export const App = ({
  session,
  send = (event) => session.send(event),
  powerCut = () => session.powerCut(),
  allowReset = true,
  fastForward,
  aside,
  onKey,
}: AppProps) => {
  const { isRawModeSupported } = useStdin();
  // The ref answers the next key at once (keys can arrive together); the note redraws the legend.
  const resetArmedRef = useRef(false);
  const [note, setNote] = useState<TrainerNote | undefined>(undefined);
  const trainer = (action: TrainerAction) => {
    resetArmedRef.current = action === 'FACTORY_RESET' && allowReset && !resetArmedRef.current;
    switch (action) {
      case 'NETWORK_TOGGLE': {
        const online = session.actor.getSnapshot().context.online;
        setNote({ key: online ? 'keys.note.networkDown' : 'keys.note.networkUp' });
        return send({ type: online ? 'NETWORK_DOWN' : 'NETWORK_UP' });
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
        return session.powerCut();
      case 'FAST_FORWARD':
        if (fastForward) setNote({ key: 'keys.note.fastForward', time: formatDuration(fastForward(), session.t) });
        return;
    }
  };
  const noteText = ({ key, time = '' }: TrainerNote) => session.t(key, { profile: session.profile.name, time });
  const size = useTerminalSize();
  const rows = useDeviceRows(session);
  const { display } = session.profile.device;
  const frame = frameSize(display);
  useTerminalKeys(
    ({ input, key }) => {
      if (onKey?.(input, key)) return;
      const action = keyAction({ input, key });
      if (action?.kind === 'trainer') return trainer(action.action);
      resetArmedRef.current = false;
      setNote(undefined);
      if (action) send(action.event);
    },
    { isActive: isRawModeSupported === true },
  );

  if (size.columns < frame.width || size.rows < frame.height) {
    return (
      <Text color="yellow">
        {session.t('screen.tooSmall', {
          columns: frame.width,
          rows: frame.height,
          actualColumns: size.columns,
          actualRows: size.rows,
        })}
      </Text>
    );
  }
  const beside = size.columns >= frame.width + LEGEND_WIDTH;
  // The merchant's phone shows a text while its code is good: beside the legend when there is room,
  // instead of it when not, and below the device in a narrow terminal.
  const sms = session.sms();
  const phone = isFreshSms(sms, session.store.now(), session.profile.sms.codeValidSeconds * 1000) ? sms : undefined;
  // Beside the device, a column of space keeps the phone's border off the device's.
  const gap = beside ? 1 : 0;
  const phoneWidth = Math.max(PHONE_MIN_WIDTH, Math.min(PHONE_WIDTH, beside ? size.columns - frame.width - gap : size.columns));
  const roomForBoth = phone !== undefined && beside && size.columns >= frame.width + gap + phoneWidth + LEGEND_WIDTH;
  const sideWidth = (beside ? size.columns - frame.width : size.columns) - (roomForBoth ? gap + phoneWidth : 0);
  // An aside (the practice's task card) is never replaced: without room beside it, the phone goes under it.
  const phoneUnderAside = phone !== undefined && aside !== undefined && !roomForBoth;
  const side =
    aside !== undefined ? (
      <Box flexShrink={0} width={sideWidth} flexDirection="column">
        {typeof aside === 'function' ? aside(sideWidth) : aside}
        {phoneUnderAside && <PhonePanel sms={phone} t={session.t} width={Math.min(phoneWidth, sideWidth)} />}
      </Box>
    ) : (
      (beside || size.rows >= frame.height + 10) && (
        <KeyLegend
          lang={session.lang}
          keyLabels={session.profile.device.keyLabels}
          note={note && noteText(note)}
          allowReset={allowReset}
          allowFastForward={fastForward !== undefined}
        />
      )
    );
  return (
    <Box flexDirection={beside ? 'row' : 'column'} alignItems="flex-start">
      <DeviceFrame rows={rows} display={display} />
      {phone && !phoneUnderAside ? (
        <Box flexDirection="column" flexShrink={0} marginLeft={gap}>
          <PhonePanel sms={phone} t={session.t} width={phoneWidth} />
          {/* The phone took the legend's place: the trainer's note (再按 R …) must not go with it. */}
          {note && !roomForBoth && <Text color="yellow">{noteText(note)}</Text>}
        </Box>
      ) : (
        side
      )}
      {roomForBoth && side}
    </Box>
  );
};

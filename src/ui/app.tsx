/** The interactive simulator: the device frame, the key legend, and the terminal keys wired to the device. */
import { Box, Text, useInput, useStdin } from 'ink';
import type { DeviceEvent } from '../../menus/device-events.js';
import type { DeviceSession } from '../device/device-session.js';
import { toDeviceEvents } from '../keys/key-map.js';
import { DeviceFrame, FRAME_HEIGHT, FRAME_WIDTH } from './device-frame.js';
import { KeyLegend } from './key-legend.js';
import { useDeviceRows } from './use-device-rows.js';
import { useTerminalSize } from './use-terminal-size.js';

type AppProps = {
  readonly session: DeviceSession;
  /** Where the keys go; straight to the device unless something (the recorder) listens in. */
  readonly send?: (event: DeviceEvent) => void;
};

/** The legend needs this many columns beside the frame. */
const LEGEND_WIDTH = 30;

export const App = ({ session, send = (event) => session.send(event) }: AppProps) => {
  const { isRawModeSupported } = useStdin();
  const size = useTerminalSize();
  const rows = useDeviceRows(session);
  useInput(
    (input, key) => {
      for (const event of toDeviceEvents(input, key)) send(event);
    },
    { isActive: isRawModeSupported === true },
  );

  if (size.columns < FRAME_WIDTH || size.rows < FRAME_HEIGHT) {
    return (
      <Text color="yellow">
        {session.t('screen.tooSmall', {
          columns: FRAME_WIDTH,
          rows: FRAME_HEIGHT,
          actualColumns: size.columns,
          actualRows: size.rows,
        })}
      </Text>
    );
  }
  return (
    <Box flexDirection={size.columns >= FRAME_WIDTH + LEGEND_WIDTH ? 'row' : 'column'}>
      <DeviceFrame rows={rows} />
      {(size.columns >= FRAME_WIDTH + LEGEND_WIDTH || size.rows >= FRAME_HEIGHT + 10) && <KeyLegend lang={session.lang} />}
    </Box>
  );
};

/** The interactive simulator: the device frame, the key legend, and the terminal keys wired to the device. */
import { Box, Text, useInput, useStdin } from 'ink';
import type { DeviceEvent } from '../../menus/device-events.js';
import type { DeviceSession } from '../device/device-session.js';
import { toDeviceEvents } from '../keys/key-map.js';
import { DeviceFrame, frameSize } from './device-frame.js';
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
  const { display } = session.profile.device;
  const frame = frameSize(display);
  useInput(
    (input, key) => {
      for (const event of toDeviceEvents(input, key)) send(event);
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
  return (
    <Box flexDirection={size.columns >= frame.width + LEGEND_WIDTH ? 'row' : 'column'}>
      <DeviceFrame rows={rows} display={display} />
      {(size.columns >= frame.width + LEGEND_WIDTH || size.rows >= frame.height + 10) && (
        <KeyLegend lang={session.lang} keyLabels={session.profile.device.keyLabels} />
      )}
    </Box>
  );
};

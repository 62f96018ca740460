/**
 * `pos-sim demo`: the interactive simulator's screen, played by a DemoPlayer, with the step
 * counter, the caption and the keys as they are pressed beside (or below) the device.
 */
import { Box, Text, useApp, type Key } from 'ink';
import { useEffect, useState, useSyncExternalStore } from 'react';
import stringWidth from 'string-width';
import type { DemoPlan } from '../demo/demo-plan.js';
import type { DemoPlayer, PlayerView } from '../demo/player.js';
import type { DeviceSession } from '../device/device-session.js';
import { translator } from '../i18n/messages.js';
import { App } from './app.js';
import { frameSize } from './device-frame.js';
import { useTerminalSize } from './use-terminal-size.js';
import { wrapped } from '../line-breaks.js';

/** The panel is at most this wide beside the device; below it, the terminal's width. */
const PANEL_MAX = 40;

/** The newest keys that fit in `width` columns, older ones cut off with "...". */
export const keyLine = (keys: readonly string[], width: number): { readonly older: string; readonly newest: string } => {
  const newest = keys.at(-1) ?? '';
  const rest: string[] = [];
  for (let index = keys.length - 2; index >= 0; index--) {
    const candidate = [keys[index] as string, ...rest];
    if (stringWidth(`... ${candidate.join(' ')} ${newest}`) > width) {
      return { older: `... ${rest.join(' ')}${rest.length ? ' ' : ''}`, newest };
    }
    rest.unshift(keys[index] as string);
  }
  return { older: rest.length ? `${rest.join(' ')} ` : '', newest };
};

type PanelProps = {
  readonly plan: DemoPlan;
  readonly view: PlayerView;
  /** The keys (space, →, q) work: a person is at the terminal. */
  readonly controls: boolean;
  /** The newest key is highlighted (briefly, after it is pressed). */
  readonly flash: boolean;
  readonly width: number;
};

export const DemoPanel = ({ plan, view, controls, flash, width }: PanelProps) => {
  // The demo's language (the device's and the captions'), which may differ from the tool's.
  const t = translator(plan.lang);
  const step = plan.steps[view.stepIndex];
  const keysLabel = t('demo.keys');
  const keys = keyLine(view.keys, Math.max(10, width - stringWidth(keysLabel) - 3));
  const controlsLine = t(
    view.status === 'paused'
      ? 'demo.pausedControls'
      : view.status === 'done' || view.status === 'failed'
        ? 'demo.doneControls'
        : 'demo.controls',
  );
  return (
    <Box flexDirection="column" paddingX={1} width={width}>
      <Text bold>{plan.walkthrough.name}</Text>
      <Text color="cyan">
        {step
          ? wrapped(
              step.calledAs
                ? t('demo.stepOf', { n: step.number, of: plan.steps.length, piece: step.calledAs })
                : t('demo.step', { n: step.number, of: plan.steps.length }),
              width - 2,
            )
          : t('demo.booting')}
      </Text>
      <Text>{step ? wrapped(step.caption, width - 2) : ' '}</Text>
      <Text>
        {keysLabel} {keys.older}
        <Text inverse={flash} bold>
          {keys.newest}
        </Text>
      </Text>
      <Text> </Text>
      {view.status === 'paused' && <Text color="yellow">{t('demo.paused')}</Text>}
      {view.status === 'done' && <Text color="green">{t('demo.done')}</Text>}
      {view.status === 'failed' && (
        <>
          <Text color="red">{t('demo.failed')}</Text>
          <Text color="red">{view.failure?.message.split('\n')[0]}</Text>
        </>
      )}
      {controls && <Text dimColor>{controlsLine}</Text>}
    </Box>
  );
};

type DemoAppProps = {
  readonly session: DeviceSession;
  readonly player: DemoPlayer;
  /** Space, → and q work (a person is at the terminal). */
  readonly controls: boolean;
  /** How long the newest key stays highlighted (ms). */
  readonly flashMs?: number;
};

/** A demo with steps on the phone keeps it on screen from the start, so the room sees both sides. */
const usesPhone = (plan: DemoPlayer['plan']): boolean => plan.steps.some(({ step }) => step.kind === 'phone');

export const DemoApp = ({ session, player, controls, flashMs = 300 }: DemoAppProps) => {
  const view = useSyncExternalStore(player.subscribe, player.view);
  const { exit } = useApp();
  const size = useTerminalSize();
  // The key-press count the highlight last faded at: a key is highlighted until its flash ends.
  const [fadedAt, setFadedAt] = useState(0);
  const flash = view.keyPresses > fadedAt;
  const frame = frameSize(session.profile.device.display);
  const beside = size.columns - frame.width;
  const width = beside >= 30 ? Math.min(PANEL_MAX, beside) : Math.min(PANEL_MAX, size.columns);

  useEffect(() => {
    player.start();
    return () => player.stop();
  }, [player]);

  useEffect(() => {
    if (view.keyPresses === 0) return;
    const pressed = view.keyPresses;
    const timer = setTimeout(() => setFadedAt(pressed), flashMs);
    return () => clearTimeout(timer);
  }, [view.keyPresses, flashMs]);

  // Every key stops here: the demo plays the device, the keys only steer the demo.
  const onKey = (input: string, key: Key): boolean => {
    if (!controls) return true;
    if (input === ' ') player.togglePause();
    else if (key.rightArrow) player.stepForward();
    else if (input === 'q') {
      player.stop();
      exit();
    }
    return true;
  };

  return (
    <App
      session={session}
      onKey={onKey}
      allowReset={false}
      showPhone={usesPhone(player.plan)}
      keypadOn={player.plan.steps[view.stepIndex]?.step.kind === 'phone' ? 'phone' : 'terminal'}
      aside={<DemoPanel plan={player.plan} view={view} controls={controls} flash={flash} width={width} />}
    />
  );
};

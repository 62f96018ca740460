/** The terminal keys and the device keys they press, drawn beside the device from the key map. */
import { Box, Text } from 'ink';
import type { Lang } from '../i18n/messages.js';
import { KEY_BINDINGS, keyLabel, TRAINER_BINDINGS } from '../keys/key-map.js';
import type { Profile } from '../profile/profile-schema.js';

type KeyLegendProps = {
  readonly lang: Lang;
  /** The model's own names for keys, from the profile. */
  readonly keyLabels?: Profile['device']['keyLabels'];
  /** R was pressed once: say what a second R does. */
  readonly resetArmed?: boolean;
  readonly allowReset?: boolean;
};

const TITLE = { zh: '按键', en: 'Keys' } as const;
const QUIT = { zh: '退出', en: 'quit' } as const;
const TRAINER = { zh: '培训控制', en: 'Trainer' } as const;
const CONFIRM_RESET = { zh: '再按 R 恢复出厂设置', en: 'press R again to reset' } as const;

export const KeyLegend = ({ lang, keyLabels = {}, resetArmed = false, allowReset = true }: KeyLegendProps) => (
  <Box flexDirection="column" paddingX={1}>
    <Text bold>{TITLE[lang]}</Text>
    {KEY_BINDINGS.map((binding) => (
      <Text key={binding.action}>
        <Text color="cyan">{binding.terminalKeys.padEnd(10)}</Text>
        {keyLabel(binding, keyLabels, lang)}
      </Text>
    ))}
    <Text>
      <Text color="cyan">{'Ctrl+C'.padEnd(10)}</Text>
      {QUIT[lang]}
    </Text>
    <Text bold>{TRAINER[lang]}</Text>
    {TRAINER_BINDINGS.filter((binding) => allowReset || binding.action !== 'FACTORY_RESET').map((binding) => (
      <Text key={binding.action}>
        <Text color="magenta">{binding.terminalKeys.padEnd(10)}</Text>
        {binding.label[lang]}
      </Text>
    ))}
    {resetArmed && <Text color="yellow">{CONFIRM_RESET[lang]}</Text>}
  </Box>
);

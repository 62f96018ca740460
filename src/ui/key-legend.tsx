/** The terminal keys and the device keys they press, drawn beside the device from the key map. */
import { Box, Text } from 'ink';
import type { Lang } from '../i18n/messages.js';
import { KEY_BINDINGS, keyLabel } from '../keys/key-map.js';
import type { Profile } from '../profile/profile-schema.js';

type KeyLegendProps = {
  readonly lang: Lang;
  /** The model's own names for keys, from the profile. */
  readonly keyLabels?: Profile['device']['keyLabels'];
};

const TITLE = { zh: '按键', en: 'Keys' } as const;
const QUIT = { zh: '退出', en: 'quit' } as const;

export const KeyLegend = ({ lang, keyLabels = {} }: KeyLegendProps) => (
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
  </Box>
);

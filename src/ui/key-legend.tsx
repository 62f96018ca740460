/** The terminal keys and the device keys they press, drawn beside the device from the key map. */
import { Box, Text } from 'ink';
import { translator, type Lang } from '../i18n/messages.js';
import { KEY_BINDINGS, keyLabel, TRAINER_BINDINGS } from '../keys/key-map.js';
import type { Profile } from '../profile/profile-schema.js';

type KeyLegendProps = {
  readonly lang: Lang;
  /** The model's own names for keys, from the profile. */
  readonly keyLabels?: Profile['device']['keyLabels'];
  /** After a trainer key: what it did, or what a second R does. */
  readonly note?: string;
  readonly allowReset?: boolean;
  /** Whether the trainer may move the device clock on. */
  readonly allowFastForward?: boolean;
};

export const KeyLegend = ({ lang, keyLabels = {}, note, allowReset = true, allowFastForward = false }: KeyLegendProps) => {
  const t = translator(lang);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{t('keys.title')}</Text>
      {KEY_BINDINGS.map((binding) => (
        <Text key={binding.action}>
          <Text color="cyan">{binding.terminalKeys.padEnd(10)}</Text>
          {keyLabel(binding, keyLabels, lang)}
        </Text>
      ))}
      <Text>
        <Text color="cyan">{'Ctrl+C'.padEnd(10)}</Text>
        {t('keys.quit')}
      </Text>
      <Text bold>{t('keys.trainer')}</Text>
      {TRAINER_BINDINGS.filter(
        (binding) => (allowReset || binding.action !== 'FACTORY_RESET') && (allowFastForward || binding.action !== 'FAST_FORWARD'),
      ).map((binding) => (
        <Text key={binding.action}>
          <Text color="magenta">{binding.terminalKeys.padEnd(10)}</Text>
          {t(binding.label)}
        </Text>
      ))}
      {note && <Text color="yellow">{note}</Text>}
    </Box>
  );
};

/** The terminal keys and the device keys they press, drawn beside the device from the key map. */
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
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

/** The columns of a key's line: its terminal keys in a column of 10, then what it does. */
const KEY_COLUMN = 10;

const trainerBindings = (allowReset: boolean, allowFastForward: boolean) =>
  TRAINER_BINDINGS.filter(
    (binding) => (allowReset || binding.action !== 'FACTORY_RESET') && (allowFastForward || binding.action !== 'FAST_FORWARD'),
  );

/**
 * The columns the legend needs, its padding included, so that no line wraps: the layout counts
 * one row a line, and a wrapped line would push the device off a full terminal.
 */
export const legendWidth = ({ lang, keyLabels = {}, note, allowReset = true, allowFastForward = false }: KeyLegendProps): number => {
  const t = translator(lang);
  const texts = [
    t('keys.title'),
    ...KEY_BINDINGS.map((binding) => keyLabel(binding, keyLabels, lang)),
    t('keys.quit'),
    ...trainerBindings(allowReset, allowFastForward).map((binding) => t(binding.label)),
  ];
  return 2 + Math.max(KEY_COLUMN + Math.max(...texts.map((text) => stringWidth(text))), stringWidth(note ?? ''));
};

export const KeyLegend = ({ lang, keyLabels = {}, note, allowReset = true, allowFastForward = false }: KeyLegendProps) => {
  const t = translator(lang);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{t('keys.title')}</Text>
      {KEY_BINDINGS.map((binding) => (
        <Text key={binding.action} wrap="truncate-end">
          <Text color="cyan">{binding.terminalKeys.padEnd(KEY_COLUMN)}</Text>
          {keyLabel(binding, keyLabels, lang)}
        </Text>
      ))}
      <Text wrap="truncate-end">
        <Text color="cyan">{'Ctrl+C'.padEnd(KEY_COLUMN)}</Text>
        {t('keys.quit')}
      </Text>
      <Text bold>{t('keys.trainer')}</Text>
      {trainerBindings(allowReset, allowFastForward).map((binding) => (
        <Text key={binding.action} wrap="truncate-end">
          <Text color="magenta">{binding.terminalKeys.padEnd(KEY_COLUMN)}</Text>
          {t(binding.label)}
        </Text>
      ))}
      {note && (
        <Text color="yellow" wrap="truncate-end">
          {note}
        </Text>
      )}
    </Box>
  );
};

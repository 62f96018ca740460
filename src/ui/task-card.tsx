/** Beside the device during a practice: the task, its goal, the time so far, the hint on show and the keys. */
import { Box, Text } from 'ink';
import { translator, type Lang } from '../i18n/messages.js';
import { formatDuration } from '../practice/history.js';
import type { Task } from '../practice/task.js';
import { wrapped } from '../line-breaks.js';

type TaskCardProps = {
  readonly task: Task;
  readonly lang: Lang;
  /** Device time since the practice started. */
  readonly elapsedMs: number;
  /** The hint on show, if the technician asked for one. */
  readonly hint: string | undefined;
  readonly hintsUsed: number;
  /** Columns the card has, its padding included. */
  readonly width: number;
};

export const TaskCard = ({ task, lang, elapsedMs, hint, hintsUsed, width }: TaskCardProps) => {
  const t = translator(lang);
  const inner = width - 2;
  return (
    <Box flexDirection="column" paddingX={1} width={width}>
      <Text bold color="cyan">
        {wrapped(t('practice.card.title', { procedure: task.procedure, title: task.title[lang] }), inner)}
      </Text>
      <Text>{wrapped(t('practice.card.goal', { goal: task.goal[lang] }), inner)}</Text>
      <Text dimColor>
        {wrapped(t('practice.card.time', { time: formatDuration(elapsedMs), target: formatDuration(task.targetMs), hints: hintsUsed }), inner)}
      </Text>
      <Box marginTop={1} flexDirection="column">
        {hint ? (
          <>
            <Text bold color="yellow">
              {t('practice.card.hint')}
            </Text>
            <Text color="yellow">{wrapped(hint, inner)}</Text>
          </>
        ) : (
          <Text dimColor>{wrapped(t('practice.card.askHint'), inner)}</Text>
        )}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text>
          <Text color="cyan">?</Text> {t('practice.key.hint')}  <Text color="cyan">q</Text> {t('practice.key.quit')}
        </Text>
        <Text dimColor>{wrapped(t('practice.key.device'), inner)}</Text>
      </Box>
    </Box>
  );
};

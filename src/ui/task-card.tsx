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
  /** Rows the card has (fewer when the phone is under it): the goal gives up rows first, then the device's keys. */
  readonly height?: number;
};

/** `text` wrapped to `columns`, at most `rows` lines, the last cut with … when there was more. */
const cutTo = (text: string, columns: number, rows: number): string => {
  const lines = wrapped(text, columns).split('\n');
  if (lines.length <= rows) return lines.join('\n');
  const kept = lines.slice(0, Math.max(1, rows));
  const last = kept.length - 1;
  kept[last] = `${wrapped(kept[last] ?? '', columns - 1).split('\n')[0]}…`;
  return kept.join('\n');
};

const rowsOf = (text: string): number => text.split('\n').length;

export const TaskCard = ({ task, lang, elapsedMs, hint, hintsUsed, width, height = Number.POSITIVE_INFINITY }: TaskCardProps) => {
  const t = translator(lang);
  const inner = width - 2;
  const title = wrapped(t('practice.card.title', { procedure: task.procedure, title: task.title[lang] }), inner);
  const time = wrapped(
    t('practice.card.time', { time: formatDuration(elapsedMs), target: formatDuration(task.targetMs), hints: hintsUsed }),
    inner,
  );
  const deviceKeys = wrapped(t('practice.key.device'), inner);
  // Title, time, the hint (or how to ask for one) with a blank above, and `? 提示 q 结束` always show;
  // a hint longer than the rows left is cut too, so that the card never pushes the device off screen.
  const framing = rowsOf(title) + rowsOf(time) + 1 + (hint ? 1 : 0) + 2;
  const hintText = cutTo(hint ?? t('practice.card.askHint'), inner, Math.max(1, height - framing));
  const fixed = framing + rowsOf(hintText);
  const showDeviceKeys = height - fixed - rowsOf(deviceKeys) >= 1;
  const goalRows = height - fixed - (showDeviceKeys ? rowsOf(deviceKeys) : 0);
  const goal = goalRows >= 1 ? cutTo(t('practice.card.goal', { goal: task.goal[lang] }), inner, goalRows) : undefined;
  return (
    <Box flexDirection="column" paddingX={1} width={width}>
      <Text bold color="cyan">
        {title}
      </Text>
      {goal !== undefined && <Text>{goal}</Text>}
      <Text dimColor>{time}</Text>
      <Box marginTop={1} flexDirection="column">
        {hint ? (
          <>
            <Text bold color="yellow">
              {t('practice.card.hint')}
            </Text>
            <Text color="yellow">{hintText}</Text>
          </>
        ) : (
          <Text dimColor>{hintText}</Text>
        )}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text>
          <Text color="cyan">?</Text> {t('practice.key.hint')}
          {'  '}
          <Text color="cyan">q</Text> {t('practice.key.quit')}
        </Text>
        {showDeviceKeys && <Text dimColor>{deviceKeys}</Text>}
      </Box>
    </Box>
  );
};

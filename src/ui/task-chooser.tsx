/** `pos-sim practice` without a task: the numbered tasks; Up/Down and Enter, or a task's number, start one. */
import { Box, Text, useApp, useStdin } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { translator, type Lang } from '../i18n/messages.js';
import type { Task } from '../practice/task.js';
import { useTerminalKeys } from './use-terminal-keys.js';

type TaskChooserProps = {
  readonly tasks: readonly Task[];
  readonly lang: Lang;
  /** Hears the task chosen, or undefined when the technician leaves (Esc, q). */
  readonly onChoose: (task: Task | undefined) => void;
};

export const TaskChooser = ({ tasks, lang, onChoose }: TaskChooserProps) => {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  // The ref answers the next key at once (keys can arrive together); the state redraws the list.
  const cursorRef = useRef(0);
  const [cursor, setCursorState] = useState(0);
  const moveCursor = (by: number) => {
    cursorRef.current = (cursorRef.current + by + tasks.length) % tasks.length;
    setCursorState(cursorRef.current);
  };
  const [chosen, setChosen] = useState(false);
  const t = translator(lang);
  const choose = (task: Task | undefined) => {
    onChoose(task);
    setChosen(true);
  };
  // Leaves once the list is off the screen, so the practice starts at the top of the terminal.
  useEffect(() => {
    if (chosen) exit();
  }, [chosen, exit]);
  useTerminalKeys(
    ({ input, key }) => {
      if (key.upArrow) moveCursor(-1);
      else if (key.downArrow) moveCursor(1);
      else if (key.return) choose(tasks[cursorRef.current]);
      else if (key.escape || input === 'q') choose(undefined);
      else if (/^[1-9]$/.test(input) && tasks[Number(input) - 1]) choose(tasks[Number(input) - 1]);
    },
    { isActive: isRawModeSupported === true && !chosen },
  );
  if (chosen) return null;
  return (
    <Box flexDirection="column">
      <Text bold>{t('practice.list.title')}</Text>
      {tasks.map((task, index) => (
        <Text key={task.id} inverse={index === cursor} wrap="wrap">
          {`${index === cursor ? '>' : ' '} ${index + 1}. ${task.procedure} ${task.title[lang]}`}
        </Text>
      ))}
      <Text dimColor>{t('practice.list.help')}</Text>
    </Box>
  );
};

/** `pos-sim practice` without a task: the numbered tasks; Up/Down and Enter, or a task's number, start one. */
import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { useEffect, useState } from 'react';
import { translator, type Lang } from '../i18n/messages.js';
import type { Task } from '../practice/task.js';

type TaskChooserProps = {
  readonly tasks: readonly Task[];
  readonly lang: Lang;
  /** Hears the task chosen, or undefined when the technician leaves (Esc, q). */
  readonly onChoose: (task: Task | undefined) => void;
};

export const TaskChooser = ({ tasks, lang, onChoose }: TaskChooserProps) => {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const [cursor, setCursor] = useState(0);
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
  useInput(
    (input, key) => {
      if (key.upArrow) setCursor((current) => (current + tasks.length - 1) % tasks.length);
      else if (key.downArrow) setCursor((current) => (current + 1) % tasks.length);
      else if (key.return) choose(tasks[cursor]);
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

/** The practice's end: goal reached or not, time, mistakes by kind, hints, and the score out of 100. */
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { translator, type Lang } from '../i18n/messages.js';
import { scoreCard } from '../practice/score-card.js';
import type { PracticeResult } from '../practice/tracker.js';
import { wrapped } from './wrap-text.js';

type ScoreCardProps = {
  readonly result: PracticeResult;
  readonly lang: Lang;
  /** Columns the card has, its padding included. */
  readonly width: number;
};

const LABEL_WIDTH = 20;
const COUNT_WIDTH = 4;
const POINTS_WIDTH = 5;

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - stringWidth(text))) + text;

export const ScoreCardView = ({ result, lang, width }: ScoreCardProps) => {
  const card = scoreCard(result, lang);
  const t = translator(lang);
  return (
    <Box flexDirection="column" paddingX={1} width={width}>
      <Text bold color="cyan">
        {wrapped(card.title, width - 2)}
      </Text>
      <Text bold color={card.goalReached ? 'green' : 'red'}>
        {card.goal}
      </Text>
      <Text>{card.time}</Text>
      <Box flexDirection="column" marginTop={1}>
        {card.rows.map((row) => (
          <Text key={row.label}>
            {padEnd(row.label, LABEL_WIDTH)}
            {padStart(row.count, COUNT_WIDTH)}
            <Text color={row.points === '-0' ? undefined : 'red'}>{padStart(row.points, POINTS_WIDTH)}</Text>
          </Text>
        ))}
      </Box>
      <Box marginTop={1}>
        <Text bold>{card.score}</Text>
      </Box>
      <Text dimColor>{t('practice.score.exit')}</Text>
    </Box>
  );
};

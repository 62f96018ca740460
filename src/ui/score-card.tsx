/**
 * The practice's end: goal reached or not, time, mistakes by kind, hints, what each mistake was (in
 * the order they happened, cut to the rows there are), and the score out of 100.
 */
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { translator, type Lang, type Translate } from '../i18n/messages.js';
import { padEnd, padStart } from '../text-width.js';
import { scoreCard, type ScoreCardNote } from '../practice/score-card.js';
import type { PracticeResult } from '../practice/tracker.js';
import { wrapped } from '../line-breaks.js';

type ScoreCardProps = {
  readonly result: PracticeResult;
  readonly lang: Lang;
  /** Columns the card has, its padding included. */
  readonly width: number;
  /** Rows the card may take; the list of mistakes is cut to fit (…还有 N 项). No limit when absent. */
  readonly height?: number;
};

const LABEL_WIDTH = 20;
const COUNT_WIDTH = 4;
const POINTS_WIDTH = 5;

/**
 * The mistakes as lines of at most `columns`: the time, then the text wrapped under itself. When
 * they take more than `rows`, the last line says how many more there are.
 */
export const noteLines = (notes: readonly ScoreCardNote[], columns: number, rows: number, t: Translate): string[] => {
  const timeWidth = Math.max(0, ...notes.map((note) => stringWidth(note.time)));
  const indent = timeWidth > 0 ? timeWidth + 1 : 0;
  const lines: string[] = [];
  for (const [index, note] of notes.entries()) {
    const block = wrapped(note.text, columns - indent)
      .split('\n')
      .map((line, row) => (row === 0 ? padStart(note.time, timeWidth) : '').padEnd(indent) + line);
    const later = notes.length - index - 1;
    if (lines.length + block.length + (later > 0 ? 1 : 0) > rows) return [...lines, t('practice.score.more', { count: later + 1 })];
    lines.push(...block);
  }
  return lines;
};

export const ScoreCardView = ({ result, lang, width, height = Number.POSITIVE_INFINITY }: ScoreCardProps) => {
  const card = scoreCard(result, lang);
  const t = translator(lang);
  const title = wrapped(card.title, width - 2);
  // Title, goal, time, a gap, the counts, a gap, the mistakes, a gap, the score and the way out.
  const otherRows = title.split('\n').length + 2 + 1 + card.rows.length + 1 + 1 + 2;
  const notes = noteLines(card.notes, width - 2, height - otherRows, t);
  return (
    <Box flexDirection="column" paddingX={1} width={width}>
      <Text bold color="cyan">
        {title}
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
      {notes.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          {notes.map((line, index) => (
            <Text key={index}>{line}</Text>
          ))}
        </Box>
      )}
      <Box marginTop={1}>
        <Text bold>{card.score}</Text>
      </Box>
      <Text dimColor>{t('practice.score.exit')}</Text>
    </Box>
  );
};

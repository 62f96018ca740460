/** The README embeds the menu chart between two markers; `npm run generate` refreshes it. */
import { mermaidChart } from './mermaid-chart.js';

export const README_FILE = 'README.md';
const START = '<!-- menu-chart:start (npm run generate) -->';
const END = '<!-- menu-chart:end -->';

/** The README text with the chart between the markers replaced by the current one. */
export const embedChart = (readme: string): string => {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${README_FILE} has no ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n\n${mermaidChart('zh')}\n\n${readme.slice(end)}`;
};

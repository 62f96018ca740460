// The practice's task card in the rows it is given: with the phone under it at 80x24 the goal gives
// up rows first, then the device's keys; the hint and how to ask for one always show.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { TaskCard } from '../../src/ui/task-card.js';
import { plain } from '../support/ink.js';
import { task } from '../support/practice.js';

const card = (height: number | undefined, hint?: string, { name = 'p3-phone-close-cards', lang = 'zh' as 'zh' | 'en' } = {}) => {
  const { lastFrame, unmount } = render(
    <TaskCard
      task={task(name)}
      lang={lang}
      elapsedMs={4000}
      hint={hint}
      hintsUsed={hint ? 1 : 0}
      width={40}
      {...(height === undefined ? {} : { height })}
    />,
  );
  const lines = plain(lastFrame() ?? '').split('\n');
  unmount();
  return lines;
};

describe('the task card', () => {
  it('shows the whole goal and the keys when it has the rows', () => {
    const lines = card(undefined);
    expect(lines.join('\n')).toContain('看它被拒。');
    expect(lines.at(-1)).toContain('Tab手机');
  });

  it('fits the rows it is given: the goal cut with …, the device keys left out, the hint kept', () => {
    const lines = card(10, '进入 我的 → 卡片管理(数字键选，取消键返回)。');
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(lines.join('\n')).toContain('…');
    expect(lines.join('\n')).toContain('卡片管理');
    expect(lines.at(-1)).toContain('? 提示  q 结束');
  });

  it('keeps to its rows when a long hint and a two-line title leave no room for the goal (English, phone under it at 80x24)', () => {
    const hint =
      "Press Tab to move to the customer's phone and open WeChat to turn small password-free off first. Then Tab back to the terminal to take the payment.";
    const lines = card(10, hint, { name: 'p2-phone-wechat-off', lang: 'en' });
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(lines.join('\n')).toContain('Hint');
    expect(lines.at(-1)).toContain('? hint  q end');
  });
});

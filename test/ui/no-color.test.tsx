// NO_COLOR: what the TUI and practice draw reaches the terminal without colour (src/no-color.ts takes
// it out of every write) while bold and the inverse selection stay. Chalk sees no terminal under
// vitest, so these tests turn its colours on to see what Ink writes at a real one.
import chalk, { type ColorSupportLevel } from 'chalk';
import { render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { withoutColor } from '../../src/no-color.js';
import { App } from '../../src/ui/app.js';
import { PracticeApp } from '../../src/ui/practice-app.js';
import { KEY, press, waitForText, type Rendered } from '../support/ink.js';
import { startPractice, task, type Practice } from '../support/practice.js';

/** SGR sequences that set a colour (foreground, background, 256 and true colour). */
const COLOR = /\u001B\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;
const INVERSE = '\u001B[7m';
const BOLD = '\u001B[1m';

let level: ColorSupportLevel;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 3;
});
afterAll(() => {
  chalk.level = level;
});

let rendered: Rendered | undefined;
let sim: Simulator | undefined;
let practice: Practice | undefined;
afterEach(() => {
  rendered?.unmount();
  sim?.stop();
  practice?.stop();
  rendered = sim = practice = undefined;
});

describe('with NO_COLOR, what pos-sim draws', () => {
  it('TUI: the menu, the status line and the legend lose their colours; the selection stays inverse, the title bold', async () => {
    sim = createSimulator();
    rendered = render(<App session={sim.session} />);
    await waitForText(rendered, '上海浦东便利店');
    await press(rendered, 'm', '请输入密码');
    await press(rendered, '123456', '******');
    await press(rendered, KEY.enter, '绑定管理');
    const frame = rendered.lastFrame() ?? '';
    expect(frame).toMatch(COLOR);
    expect(withoutColor(frame)).not.toMatch(COLOR);
    expect(withoutColor(frame)).toContain(`${INVERSE}> 1.绑定管理`);
    expect(withoutColor(frame)).toContain(BOLD);
  });

  it('practice: the task card and the hint lose their colours', async () => {
    practice = startPractice(task('p1-deregister-unionpay'), 'zh');
    rendered = render(<PracticeApp session={practice.sim.session} tracker={practice.tracker} />);
    await waitForText(rendered, '按[菜单]键进入设置');
    await press(rendered, '?');
    const frame = rendered.lastFrame() ?? '';
    expect(frame).toMatch(COLOR);
    expect(withoutColor(frame)).not.toMatch(COLOR);
    expect(withoutColor(frame)).toContain(BOLD);
  });
});

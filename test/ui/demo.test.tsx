// pos-sim demo on screen (ink-testing-library), its time on a simulated clock: the step counter,
// the caption and the key line beside the device, passwords as stars, Space and → and q, English,
// and a failed check.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { planDemo, simulatorDevice, type DemoPlan } from '../../src/demo/demo-plan.js';
import { DEFAULT_TIMING, DemoPlayer, type PlayerView } from '../../src/demo/player.js';
import { SteppingClock } from '../../src/device/simulated-clock.js';
import { BOOT_MS, createSimulator, type Simulator } from '../../src/device/simulator.js';
import type { Lang } from '../../src/i18n/messages.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { DemoApp, DemoPanel, keyLine } from '../../src/ui/demo-app.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import { KEY, plain, resize, waitForFrame, waitForText, type Rendered } from '../support/ink.js';

const P1 = `name: P1 注销云闪付
fixture: default
steps:
  - press: 菜单
    caption: { zh: "按[菜单]键打开设置", en: Open the settings }
  - expect: 请输入密码
  - type: "123456"
  - press: 确认
  - select: 绑定管理
  - select: 云闪付
  - expect: { title: 云闪付 }
`;

const { keyMs, stepMs, tickMs } = DEFAULT_TIMING;
const BOOT = Math.ceil(BOOT_MS / tickMs) * tickMs;

let sim: Simulator | undefined;
let rendered: Rendered | undefined;

afterEach(() => {
  setToolLang('zh');
  rendered?.unmount();
  rendered = undefined;
  sim?.stop();
  sim = undefined;
});

const play = (options: { lang?: Lang; fixture?: string; controls?: boolean } = {}) => {
  const plan: DemoPlan = planDemo(parseWalkthrough(P1, 'p1.yaml', {}), options.lang ? { lang: options.lang } : {});
  sim = createSimulator({ fixture: options.fixture ?? plan.profile, lang: plan.lang, startTime: plan.startTime, stayAtBoot: true });
  const clock = new SteppingClock(0);
  const player = new DemoPlayer(plan, simulatorDevice(sim, plan), { scheduler: clock });
  rendered = render(<DemoApp session={sim.session} player={player} controls={options.controls ?? true} />);
  return { app: rendered, clock, player };
};

describe('the demo screen', () => {
  it('boots, then shows the step, its caption and each key beside the device', async () => {
    const { app, clock } = play();
    let frame = await waitForText(app, '设备开机...');
    expect(frame).toContain('P1 注销云闪付');
    expect(frame).toContain('[空格]暂停 [->]下一步 [q]退出');
    clock.advance(BOOT + keyMs);
    frame = await waitForText(app, '按键: [菜单]');
    // Beside the device: the counter, the caption, then the key line level with the device's title.
    expect(frame).toMatch(/\| 在线 .*\| 步骤 1\/5\n.*\| 按\[菜单\]键打开设置\n\| 请输入密码 +\| 按键: \[菜单\]/);
    expect(frame).toContain('按[菜单]键打开设置');
  });

  it('types the password as stars: the caption, the key line and the device never show it', async () => {
    const { app, clock } = play();
    clock.advance(BOOT + keyMs + keyMs + stepMs + keyMs * 3);
    let frame = await waitForText(app, '按键: [*] [*] [*]');
    expect(frame).toContain('步骤 2/5');
    expect(frame).toContain('输入密码 ********');
    clock.advance(keyMs * 3);
    frame = await waitForText(app, '按键: [*] [*] [*] [*] [*] [*]');
    expect(frame).toContain('******_');
    for (const shown of rendered?.frames ?? []) expect(plain(shown)).not.toMatch(/123|\[\d\]/);
  });

  it('pauses with Space, steps with →, and stops with q', async () => {
    const { app, clock, player } = play();
    clock.advance(BOOT + keyMs + 1);
    await waitForText(app, '步骤 1/5');
    app.stdin.write(' ');
    let frame = await waitForText(app, '已暂停');
    expect(frame).toContain('[空格]继续 [->]下一步 [q]退出');
    clock.advance(60_000);
    expect(plain(app.lastFrame())).toContain('步骤 1/5');
    app.stdin.write(KEY.right);
    clock.advance(60_000);
    frame = await waitForFrame(app, (shown) => shown.includes('步骤 2/5') && shown.includes('已暂停'), 'step 2, paused');
    expect(frame).toContain('[*] [*] [*] [*] [*] [*]');
    app.stdin.write(' ');
    await waitForFrame(app, (shown) => !shown.includes('已暂停'), 'playing again');
    app.stdin.write('q');
    await waitForFrame(app, () => player.view().status === 'stopped', 'the player to stop');
  });

  it('lets no key through to the device while it plays', async () => {
    const { app, clock } = play();
    clock.advance(BOOT + keyMs + 1);
    await waitForText(app, '请输入密码');
    app.stdin.write('9');
    app.stdin.write(KEY.enter);
    app.stdin.write('x');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim?.session.text()).toContain('_');
    expect(sim?.session.text()).not.toContain('*');
    expect(sim?.session.activeStates()).toContain('passwordPrompt.entering');
  });

  it('plays in English with --lang en: the device, generated captions and the script’s own', async () => {
    const { app, clock } = play({ lang: 'en' });
    clock.advance(BOOT + keyMs + 1);
    let frame = await waitForText(app, 'Step 1/5');
    expect(frame).toContain('Open the settings');
    expect(frame).toContain('Keys: [MENU]');
    clock.advance(keyMs + stepMs + keyMs * 7 + stepMs + keyMs * 2 + stepMs + keyMs * 2);
    frame = await waitForText(app, 'Step 4/5');
    expect(frame).toContain('Select "Bindings"');
    clock.advance(60_000);
    frame = await waitForText(app, 'End of the demo');
    expect(frame).toContain('Select "UnionPay QuickPass app"');
  });

  it('speaks the demo’s language, not the tool’s: a Chinese demo stays Chinese when the tool speaks English', async () => {
    setToolLang('en');
    const { app, clock } = play({ lang: 'zh' });
    clock.advance(BOOT + keyMs + 1);
    const frame = await waitForText(app, '步骤 1/5');
    expect(frame).toContain('按键: [菜单]');
    expect(frame).toContain('[空格]暂停 [->]下一步 [q]退出');
  });

  it('says when a check fails, and what failed', async () => {
    const { app, clock } = play({ fixture: 'unbound' });
    clock.advance(120_000);
    const frame = await waitForText(app, '演示中止: 检查未通过');
    expect(frame).toMatch(/没有菜单项|期望/);
    expect(frame).toContain('[q]退出');
  });

  it('shows no controls when nobody is at the keyboard', async () => {
    const { app } = play({ controls: false });
    const frame = await waitForText(app, '设备开机...');
    expect(frame).not.toContain('[q]');
  });
});

describe('the power key', () => {
  it('shows on the key line of a restart step, by its label', async () => {
    for (const [lang, caption, keys] of [
      ['zh', '按电源键重启设备...', '按键: [电源(重启)]'],
      ['en', 'Restart with the power key...', 'Keys: [Power (restart)]'],
    ] as const) {
      const plan = planDemo(
        parseWalkthrough('name: restart\nfixture: default\nsteps:\n  - press: 菜单\n  - power: cycle\n', 'restart.yaml', {}),
        { lang },
      );
      sim = createSimulator({ fixture: plan.profile, lang, startTime: plan.startTime, stayAtBoot: true });
      const clock = new SteppingClock(0);
      rendered = render(
        <DemoApp session={sim.session} player={new DemoPlayer(plan, simulatorDevice(sim, plan), { scheduler: clock })} controls />,
      );
      clock.advance(BOOT + keyMs + keyMs + stepMs + keyMs + keyMs);
      const frame = await waitForText(rendered, caption);
      expect(frame).toContain(keys);
      rendered.unmount();
      sim.stop();
    }
  });
});

/** The panel alone, on step 1 of a plan whose one step has `caption`. */
const panelWith = (caption: string, lang: Lang, width: number): string[] => {
  const plan = { walkthrough: { name: 'wrap' }, lang, steps: [{ number: 1, caption, actions: [], checks: [] }] } as unknown as DemoPlan;
  const view: PlayerView = { status: 'playing', stepIndex: 0, keys: [], keyPresses: 0 };
  rendered = render(<DemoPanel plan={plan} view={view} controls={false} flash={false} width={width} />);
  const lines = plain(rendered.lastFrame()).split('\n');
  // The caption's lines: after the name and the step counter, up to the key line.
  return lines
    .slice(
      2,
      lines.findIndex((line) => /^ (按键|Keys):/.test(line)),
    )
    .map((line) => line.trimEnd());
};

describe('the caption', () => {
  it('breaks English at spaces: no line starts with one', () => {
    const caption = 'Enter the new supervisor password ******** again to confirm it';
    expect(panelWith(caption, 'en', 26)).toEqual([' Enter the new supervisor', ' password ******** again', ' to confirm it']);
    for (let width = 20; width <= 44; width++) {
      rendered?.unmount();
      const lines = panelWith(caption, 'en', width);
      // One column of the panel's padding, then the text.
      for (const line of lines) expect(line, `width ${width}`).toMatch(/^ \S/);
      expect(lines.map((line) => line.trim()).join(' '), `width ${width}`).toBe(caption);
    }
  });

  it('never starts a Chinese line with closing punctuation (禁则)', () => {
    const caption = '按[菜单]键进入设置，输入主管密码。按[确认]键继续';
    expect(panelWith(caption, 'zh', 20)).toEqual([' 按[菜单]键进入', ' 设置，输入主管', ' 密码。按[确认]键', ' 继续']);
    for (let width = 12; width <= 40; width++) {
      rendered?.unmount();
      const lines = panelWith(caption, 'zh', width);
      for (const line of lines) expect(line, `width ${width}`).toMatch(/^ [^\s，。、；：？！）」』】]/);
      expect(lines.map((line) => line.trim()).join(''), `width ${width}`).toBe(caption);
    }
  });
});

describe('the key line', () => {
  it('keeps the newest keys that fit', () => {
    expect(keyLine([], 20)).toEqual({ older: '', newest: '' });
    expect(keyLine(['[下]', '[确认]'], 20)).toEqual({ older: '[下] ', newest: '[确认]' });
    const long = keyLine(Array(12).fill('[下]'), 20);
    expect(long.older.startsWith('... ')).toBe(true);
    expect(`${long.older}${long.newest}`.length).toBeLessThanOrEqual(20);
  });
});

describe('a demo with steps on the phone', () => {
  const PHONE = `name: 手机
fixture: default
steps:
  - press: 菜单
  - phone: { select: 微信 }
  - phone: { press: 取消 }
  - press: 取消
`;
  /** Whether the device's and the phone's borders are drawn with '=' (the side the keys are pressed on). */
  const borders = (frame: string) => {
    const lines = plain(frame).split('\n');
    const phoneTop = lines.map((line) => line.slice(41)).find((right) => /^\+[-=]{10,}\+$/.test(right.trim()));
    return { device: (lines[0] ?? '').startsWith('+='), phone: phoneTop?.trim().startsWith('+=') ?? false };
  };

  it('draws the side the step presses its keys on focused: the phone during phone steps, the device otherwise', async () => {
    const plan = planDemo(parseWalkthrough(PHONE, 'phone.yaml', {}));
    sim = createSimulator({ fixture: plan.profile, lang: plan.lang, startTime: plan.startTime, stayAtBoot: true });
    const clock = new SteppingClock(0);
    const player = new DemoPlayer(plan, simulatorDevice(sim, plan), { scheduler: clock });
    rendered = render(<DemoApp session={sim.session} player={player} controls />);
    resize(rendered, 100, 30);
    clock.advance(BOOT + keyMs);
    let frame = await waitForText(rendered, '步骤 1/4');
    expect(borders(frame)).toEqual({ device: true, phone: false });
    clock.advance(stepMs + keyMs);
    frame = await waitForText(rendered, '步骤 2/4');
    expect(borders(frame)).toEqual({ device: false, phone: true });
    clock.advance(stepMs * 3 + keyMs * 8);
    frame = await waitForText(rendered, '步骤 4/4');
    expect(borders(frame)).toEqual({ device: true, phone: false });
  });
});

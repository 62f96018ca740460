// Keys that reach the app together (typed fast, or sent by tmux in one go) do what they would one by
// one: Esc followed at once by another key is still Esc, and two Escs go back twice.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { App } from '../../src/ui/app.js';
import { KEY, press, waitForText, type Rendered } from '../support/ink.js';

let sim: Simulator;
let app: Rendered;

const start = async () => {
  sim = createSimulator({ fixture: 'default' });
  app = render(<App session={sim.session} />);
  await waitForText(app, '按[菜单]键进入设置');
};

afterEach(() => {
  app.unmount();
  sim.stop();
});

describe('a burst of keys', () => {
  it('Esc then a digit: the password prompt is cancelled, the digit is not typed into it', async () => {
    await start();
    await press(app, 'm', '请输入密码');
    await press(app, `${KEY.escape}2`, '按[菜单]键进入设置');
    expect(sim.session.activeStates()).toEqual(['device.home']);
  });

  it('Esc Esc goes back twice: from the binding list to the home screen', async () => {
    await start();
    await press(app, 'm', '请输入密码');
    await press(app, `123456${KEY.enter}1`, '商户账号');
    await press(app, `${KEY.escape}${KEY.escape}`, '按[菜单]键进入设置');
    expect(sim.session.activeStates()).toEqual(['device.home']);
  });

  it('Esc then an arrow: back, then the selection moves', async () => {
    await start();
    await press(app, 'm', '请输入密码');
    await press(app, `123456${KEY.enter}1`, '商户账号');
    await press(app, `${KEY.escape}${KEY.down}`, '> 2.');
    expect(sim.session.activeStates().at(-1)).toBe('settings.menu');
  });

  it('a trainer letter inside a burst works the trainer control', async () => {
    await start();
    await press(app, 'mn', '已断网');
    expect(sim.store.isOnline()).toBe(false);
    expect(sim.session.activeStates().at(-1)).toBe('passwordPrompt.entering');
  });
});

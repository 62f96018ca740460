// The practice task list: numbered tasks, Up/Down and Enter or a number start one, Esc or q leave;
// keys that arrive together (typed fast, sent by tmux) each count, in order.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { shippedTasks } from '../../src/practice/load-tasks.js';
import type { Task } from '../../src/practice/task.js';
import { TaskChooser } from '../../src/ui/task-chooser.js';
import { KEY, waitForText, type Rendered } from '../support/ink.js';

const tasks = shippedTasks();
let rendered: Rendered | undefined;

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

/** The chooser on screen; resolves with what was chosen (null: left without a task). */
const chooser = async (lang: 'zh' | 'en' = 'zh') => {
  let resolve: (task: Task | null) => void = () => {};
  const chosen = new Promise<Task | null>((done) => (resolve = done));
  rendered = render(<TaskChooser tasks={tasks} lang={lang} onChoose={(task) => resolve(task ?? null)} />);
  await waitForText(rendered, lang === 'zh' ? '选择练习任务' : 'Choose');
  return { app: rendered, chosen };
};

describe('the task chooser', () => {
  it('lists every task by number, procedure and title, the first one selected', async () => {
    const { app } = await chooser();
    const frame = app.lastFrame() ?? '';
    tasks.forEach((task, index) => expect(frame).toContain(`${index + 1}. ${task.procedure} ${task.title.zh}`));
    expect(frame).toContain(`> 1. ${tasks[0]?.procedure}`);
  });

  it('Down then Enter start the second task', async () => {
    const { app, chosen } = await chooser();
    app.stdin.write(KEY.down);
    await waitForText(app, `> 2. ${tasks[1]?.procedure}`);
    app.stdin.write(KEY.enter);
    expect((await chosen)?.id).toBe(tasks[1]?.id);
  });

  it('Down, Down and Enter sent in one burst start the third task', async () => {
    const { app, chosen } = await chooser();
    app.stdin.write(KEY.down);
    app.stdin.write(KEY.down);
    app.stdin.write(KEY.enter);
    expect((await chosen)?.id).toBe(tasks[2]?.id);
  });

  it('Up from the first goes round to the last', async () => {
    const { app, chosen } = await chooser();
    app.stdin.write(KEY.up);
    app.stdin.write(KEY.enter);
    expect((await chosen)?.id).toBe(tasks.at(-1)?.id);
  });

  it('a number starts that task', async () => {
    const { app, chosen } = await chooser();
    app.stdin.write('4');
    expect((await chosen)?.id).toBe(tasks[3]?.id);
  });

  it('Esc and q leave without a task', async () => {
    const first = await chooser();
    first.app.stdin.write(KEY.escape);
    expect(await first.chosen).toBeNull();
    first.app.unmount();
    const second = await chooser('en');
    second.app.stdin.write('q');
    expect(await second.chosen).toBeNull();
  });
});

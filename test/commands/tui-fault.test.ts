// A fault in an interactive command ends its app once the key being handled is done, and is thrown
// after: the first fault is the one told; one reported before there is an app ends it when attached.
import { describe, expect, it, vi } from 'vitest';
import { TuiFault } from '../../src/commands/tui-fault.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('TuiFault', () => {
  it('ends the attached app after the current turn, and throws the first fault', async () => {
    const fault = new TuiFault();
    const app = { unmount: vi.fn() };
    fault.attach(app);
    expect(() => fault.throwIfAny()).not.toThrow();
    const disk = new Error('disk full');
    fault.report(disk);
    fault.report(new Error('and then this'));
    expect(fault.reported).toBe(true);
    // Not inside the key handler that met the fault.
    expect(app.unmount).not.toHaveBeenCalled();
    await nextTurn();
    expect(app.unmount).toHaveBeenCalledTimes(1);
    expect(() => fault.throwIfAny()).toThrow(disk);
  });

  it('a fault reported before the app is there ends it as soon as it is attached', async () => {
    const fault = new TuiFault();
    fault.report(new Error('first save failed'));
    const app = { unmount: vi.fn() };
    fault.attach(app);
    await nextTurn();
    expect(app.unmount).toHaveBeenCalledTimes(1);
  });
});

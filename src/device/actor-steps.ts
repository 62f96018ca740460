/**
 * Hearing every actor of a system finish a step, cheaply. An `inspect` listener would hear it (the
 * `@xstate.snapshot` event of the device or of any flow, prompt or app inside it), but with one
 * attached xstate builds and copies an inspection event for every event, action and microstep —
 * some 700 per walkthrough — to hand each to it. A headless device that nobody inspects is told of
 * the steps alone, at the very moments an inspector would be; once someone does inspect its system
 * (coverage, model paths), xstate's own inspection takes over and the steps are heard through it.
 *
 * This replaces xstate's `system._sendInspectionEvent` (xstate 5, pinned in the lockfile); the
 * tests in test/device/actor-steps.test.ts check that xstate still calls it as this expects.
 */
import type { AnyActorRef, InspectionEvent, Observer, Subscription } from 'xstate';

/** The part of xstate's actor system this replaces (not in its public types). */
type InspectableSystem = {
  _sendInspectionEvent: (event: InspectionEvent) => void;
  inspect: (observer: Observer<InspectionEvent> | ((event: InspectionEvent) => void)) => Subscription;
};

/**
 * Calls `onStep` when an actor finished a step, from an inspection event. A method, not a closure
 * made per device: V8 would optimise each device's closure anew.
 */
class StepInspector {
  constructor(private readonly onStep: () => void) {}

  next(event: InspectionEvent): void {
    if (event.type === '@xstate.snapshot') this.onStep();
  }
}

/**
 * Calls `onStep` whenever any actor in `actor`'s system (not yet started) finished a step, as an
 * `inspect` listener given to createActor would for `@xstate.snapshot`. A later
 * `actor.system.inspect(observer)` gets every event as usual, `onStep` still called first.
 */
export const hearSteps = (actor: AnyActorRef, onStep: () => void): void => {
  const system = actor.system as unknown as InspectableSystem;
  const inspector = new StepInspector(onStep);
  const sendInspectionEvent = system._sendInspectionEvent;
  const inspect = system.inspect;
  system._sendInspectionEvent = inspector.next.bind(inspector);
  QUIET.add(system);
  system.inspect = (observer) => {
    QUIET.delete(system);
    system._sendInspectionEvent = sendInspectionEvent;
    system.inspect = inspect;
    inspect(inspector);
    return inspect(observer);
  };
};

/** The systems nobody inspects, whose steps alone are heard. */
const QUIET = new WeakSet<object>();

/** Whether nobody inspects `actor`'s system: only its steps are heard (hearSteps). */
export const isQuiet = (actor: AnyActorRef): boolean => QUIET.has(actor.system as object);

/** An `inspect` listener that hands every event to `observe` and calls `onStep` when an actor finished a step. */
export const inspector =
  (observe: (event: InspectionEvent) => void, onStep?: () => void) =>
  (event: InspectionEvent): void => {
    observe(event);
    if (event.type === '@xstate.snapshot') onStep?.();
  };

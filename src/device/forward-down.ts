/**
 * A key handed straight down the chain of machines that forward it. A key pressed in a flow goes
 * device → menu → flow → prompt: each parent's only transition for it is a forward to its running
 * child (menus/forward-keys.ts), and xstate runs a whole macrostep on each parent to find that out
 * and hand it on — half the events of a walkthrough. Where a parent's transition for the key is
 * certainly that forward alone, this does what xstate would do, without the macrostep: the parent's
 * snapshot stays as it is (a forward changes neither state nor context), its child gets the key,
 * the parent is busy meanwhile (an event its child sends it waits until then, as in xstate), and
 * the parent's step is heard when its child's is done.
 *
 * Only on a device nobody inspects (actor-steps.ts): an inspector would miss the parents' events.
 * It reads xstate's actors' internals (xstate 5, pinned in the lockfile); anything it does not
 * expect — a guard, a target, another action, a wildcard, an eventless transition, parallel
 * states, an observer, a busy or stopped actor — and the key goes through xstate as usual. The
 * tests in test/device/forward-down.test.ts play every shipped walkthrough both ways.
 */
import type { AnyActorRef, AnyMachineSnapshot, AnyStateNode, EventObject } from 'xstate';
import { FORWARDS } from '../../menus/forward-keys.js';
import { isQuiet } from './actor-steps.js';

/** What of xstate's Actor this reads and drives (not in its public types). */
type MailboxItem = { readonly value: EventObject; next: MailboxItem | null };
type ActorInternals = AnyActorRef & {
  readonly _processingStatus: number;
  readonly _deferred: readonly unknown[];
  readonly observers: ReadonlySet<unknown>;
  readonly _snapshot: AnyMachineSnapshot;
  readonly mailbox: { _current: MailboxItem | null; _last: MailboxItem | null; flush(): void };
  readonly system: { _sendInspectionEvent(event: object): void };
};

/** xstate's ProcessingStatus.Running. */
const RUNNING = 1;

/** Sends `event` to `actor`, handing it straight down through the parents that only forward it. */
export const sendDown = (actor: AnyActorRef, event: EventObject): void => {
  const parent = actor as ActorInternals;
  const child = forwardedTo(parent, event.type);
  if (!child) {
    actor.send(event);
    return;
  }
  // As xstate's mailbox holds the event the parent is processing, so that others wait behind it.
  const { mailbox } = parent;
  const processing: MailboxItem = { value: event, next: null };
  mailbox._current = processing;
  mailbox._last = processing;
  const snapshot = parent._snapshot;
  sendDown(child, event);
  parent.system._sendInspectionEvent({ type: '@xstate.snapshot', actorRef: parent, event, snapshot });
  mailbox._current = processing.next;
  mailbox.flush();
};

/** The running child `actor` would only forward an event of this type to, or undefined. */
const forwardedTo = (actor: ActorInternals, type: string): ActorInternals | undefined => {
  if (!isQuiet(actor)) return undefined;
  if (actor._processingStatus !== RUNNING || actor.mailbox._current !== null || actor._deferred.length > 0 || actor.observers.size > 0) {
    return undefined;
  }
  const snapshot = actor._snapshot;
  if (snapshot.status !== 'active' || !snapshot.machine) return undefined;
  const leaf = leafOf(snapshot);
  const childId = leaf && forwardOf(leaf, type);
  if (!childId) return undefined;
  const child = (snapshot.children as Record<string, ActorInternals | undefined>)[childId];
  return child && child._processingStatus === RUNNING ? child : undefined;
};

/** The one atomic state active, or undefined when there are parallel states. */
const leafOf = (snapshot: AnyMachineSnapshot): AnyStateNode | undefined => {
  let leaf: AnyStateNode | undefined;
  for (const node of snapshot._nodes as readonly AnyStateNode[]) {
    if (node.type === 'parallel') return undefined;
    if (node.type === 'atomic' || node.type === 'final') leaf = node;
  }
  return leaf;
};

/**
 * The child id that an event of this type is forwarded to, and nothing else done, with `leaf` the
 * active state: the first state from it up whose transitions take the event has one transition
 * for it, with no guard and no target, whose one action is a forward; and no active state has an
 * eventless transition (xstate looks for one after every step). Null when it is anything else.
 * Found once per state and event type: it depends on the machine's definition alone.
 */
const forwardOf = (leaf: AnyStateNode, type: string): string | null => {
  let byType = DECISIONS.get(leaf);
  if (!byType) {
    byType = new Map();
    DECISIONS.set(leaf, byType);
  }
  let decision = byType.get(type);
  if (decision === undefined) {
    decision = decide(leaf, type);
    byType.set(type, decision);
  }
  return decision;
};
const DECISIONS = new WeakMap<AnyStateNode, Map<string, string | null>>();

const decide = (leaf: AnyStateNode, type: string): string | null => {
  for (let node: AnyStateNode | undefined = leaf; node; node = node.parent) if (node.always?.length) return null;
  for (let node: AnyStateNode | undefined = leaf; node; node = node.parent) {
    for (const descriptor of node.transitions.keys()) if (descriptor.includes('*')) return null;
    const candidates = node.transitions.get(type);
    if (!candidates || candidates.length === 0) continue;
    const [transition] = candidates;
    if (candidates.length !== 1 || !transition || transition.guard || transition.target?.length || transition.actions.length !== 1)
      return null;
    return FORWARDS.get(transition.actions[0] as object) ?? null;
  }
  return null;
};

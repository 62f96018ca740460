/**
 * A wallet app on the phone (云闪付, 微信, 支付宝): its menus as its guide walks them
 * (wallet-menus.ts), leading to 免密支付, the bank cards, and the wallet's messages (消息: what it
 * noticed the payer of, newest first). 取消 leaves a sub-menu, and from the top the app.
 */
import { assign, raise, setup } from 'xstate';
import type { KeyEvent } from '../device-events.js';
import { forwardKeysTo } from '../forward-keys.js';
import { digitOf } from '../keyed-digits.js';
import { moveCursor, pickByDigit } from '../menu-cursor.js';
import * as tree from '../menu-tree.js';
import type { AppMenuNode, WalletFunction, WalletId } from './phone-domain.js';
import type { PhonePort } from './phone-port.js';
import { walletCardsMachine } from './wallet-cards.js';
import { WALLET_MENUS } from './wallet-menus.js';
import { walletPasswordFreeMachine } from './wallet-password-free.js';

export type WalletAppInput = { readonly port: PhonePort; readonly wallet: WalletId };

type Context = WalletAppInput & {
  readonly menu: readonly AppMenuNode[];
  path: readonly number[];
  cursor: number;
  /** The message under the cursor in 消息 (0 the newest). */
  noticeCursor: number;
};

const noticeCount = (context: WalletAppInput): number => context.port.notices(context.wallet).length;

export const walletAppMachine = setup({
  types: {
    input: {} as WalletAppInput,
    context: {} as Context,
    events: {} as KeyEvent,
  },
  actors: { walletPasswordFree: walletPasswordFreeMachine, walletCards: walletCardsMachine },
  guards: {
    isSubmenuSelected: ({ context }) => tree.isSubmenuSelected(context),
    isFunctionSelected: ({ context }, fn: WalletFunction) => tree.isFlowSelected(context, fn),
    isInSubmenu: ({ context }) => context.path.length > 0,
    isValidPick: ({ context, event }) => tree.isValidPick(context, digitOf(event)),
    hasNotices: ({ context }) => noticeCount(context) > 0,
  },
  actions: {
    cursorUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, tree.itemCount(context), -1) }),
    cursorDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, tree.itemCount(context), 1) }),
    pickByDigit: assign({ cursor: ({ context, event }) => pickByDigit(digitOf(event) ?? '', tree.itemCount(context)) ?? context.cursor }),
    confirmPick: raise({ type: 'ENTER' }),
    openSubmenu: assign(({ context }) => tree.openSubmenu(context)),
    closeSubmenu: assign(({ context }) => tree.closeSubmenu(context)),
    readNotices: ({ context }) => context.port.markRead(context.wallet),
    resetNoticeCursor: assign({ noticeCursor: 0 }),
    noticeUp: assign({ noticeCursor: ({ context }) => moveCursor(context.noticeCursor, noticeCount(context), -1) }),
    noticeDown: assign({ noticeCursor: ({ context }) => moveCursor(context.noticeCursor, noticeCount(context), 1) }),
  },
}).createMachine({
  id: 'walletApp',
  context: ({ input }) => ({ ...input, menu: WALLET_MENUS[input.wallet], path: [], cursor: 0, noticeCursor: 0 }),
  initial: 'menu',
  states: {
    menu: {
      description: 'Shows the numbered items of the app’s page or of the sub-page opened (我 → 服务 → 钱包 …).',
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        DIGIT: { guard: 'isValidPick', actions: ['pickByDigit', 'confirmPick'] },
        ENTER: [
          { guard: 'isSubmenuSelected', actions: 'openSubmenu' },
          { guard: { type: 'isFunctionSelected', params: 'passwordFree' }, target: 'passwordFree' },
          { guard: { type: 'isFunctionSelected', params: 'cards' }, target: 'cards' },
          { target: 'notices', actions: 'resetNoticeCursor' },
        ],
        CANCEL: [{ guard: 'isInSubmenu', actions: 'closeSubmenu' }, { target: 'done' }],
      },
    },
    passwordFree: {
      description: '免密支付 is open.',
      invoke: {
        id: 'page',
        src: 'walletPasswordFree',
        input: ({ context }) => ({ port: context.port, wallet: context.wallet }),
        onDone: 'menu',
      },
      on: forwardKeysTo('page'),
    },
    cards: {
      description: 'The bank cards are open.',
      invoke: { id: 'page', src: 'walletCards', input: ({ context }) => ({ port: context.port, wallet: context.wallet }), onDone: 'menu' },
      on: forwardKeysTo('page'),
    },
    notices: {
      description:
        'Lists the wallet’s messages, newest first (免密支付已关闭, 云闪付服务已关闭, 付款成功 …), or 暂无消息; they are read now.',
      entry: 'readNotices',
      on: {
        UP: { actions: 'noticeUp' },
        DOWN: { actions: 'noticeDown' },
        ENTER: { guard: 'hasNotices', target: 'notice' },
        CANCEL: 'menu',
      },
    },
    notice: {
      description: 'Shows one message in full, with its time.',
      on: { ENTER: 'notices', CANCEL: 'notices' },
    },
    done: { type: 'final', description: 'Back to the phone’s home screen.' },
  },
});

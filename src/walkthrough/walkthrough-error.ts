/** The error of a walkthrough that cannot run as written, apart from the parser: finding a suite's files needs it too. */
import { PosSimError } from '../errors.js';

export class WalkthroughError extends PosSimError {
  override readonly name = 'WalkthroughError';
}

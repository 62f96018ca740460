// The UsageError parseCli throws for a command line, for tests of what it refuses and why.
import { expect } from 'vitest';
import { parseCli } from '../../src/cli-args.js';
import { UsageError } from '../../src/errors.js';

export const usageError = (argv: readonly string[]): UsageError => {
  try {
    parseCli(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`parseCli(${JSON.stringify(argv)}) did not throw`);
};

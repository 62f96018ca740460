// The message of what an action throws, for tests of error texts; the test fails if nothing is thrown.
export const thrownMessage = (act: () => unknown): string => {
  try {
    act();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('did not throw');
};

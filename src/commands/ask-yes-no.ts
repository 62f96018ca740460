/** A yes/no question at the terminal (on stderr, so that it shows even when stdout is piped). */
import { createInterface } from 'node:readline';

/** Asks `question`; y, yes or 是 is yes, anything else — Enter, Ctrl+C, Ctrl+D — is no. */
export const askYesNo = (question: string): Promise<boolean> =>
  new Promise((resolve) => {
    const terminal = createInterface({ input: process.stdin, output: process.stderr });
    let answered = false;
    terminal.on('SIGINT', () => terminal.close());
    terminal.on('close', () => {
      if (answered) return;
      process.stderr.write('\n');
      resolve(false);
    });
    terminal.question(question, (answer) => {
      answered = true;
      terminal.close();
      resolve(/^\s*(y|yes|是)\s*$/i.test(answer));
    });
  });

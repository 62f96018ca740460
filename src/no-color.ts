/**
 * NO_COLOR (https://no-color.org): when it is set and not empty, pos-sim adds no colour to what it
 * writes. Ink styles text with chalk, which ignores NO_COLOR and can only turn colour off together
 * with bold and inverse — and inverse marks the selected menu row. So the colour is taken out where
 * the text leaves the program: every write to stdout and stderr (and the demo's recording) loses the
 * colour parameters of its escape sequences and keeps the rest. The standard is about colour only
 * ("prevents the addition of ANSI color"); bold and inverse are attributes, and inverse is what
 * shows the selection.
 */

/** Whether the user asked for no colour: NO_COLOR present and not an empty string. */
export const noColorWanted = (env: NodeJS.ProcessEnv): boolean => (env.NO_COLOR ?? '') !== '';

/** SGR parameters that set a colour: foreground, background (and their defaults), bright ones, underline colour. */
const isColorParameter = (code: number): boolean =>
  (code >= 30 && code <= 39) || (code >= 40 && code <= 49) || (code >= 90 && code <= 97) || (code >= 100 && code <= 107) || code === 59;

/** 38, 48 and 58 take a colour as arguments: 5;n or 2;r;g;b (or the same after colons, in one parameter). */
const EXTENDED_COLOR = new Set([38, 48, 58]);

const withoutColorParameters = (parameters: string): string[] => {
  const parts = parameters.split(';');
  const kept: string[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    const code = Number(part.split(':')[0]);
    if (EXTENDED_COLOR.has(code)) {
      if (!part.includes(':')) {
        const mode = parts[index + 1];
        index += mode === '5' ? 2 : mode === '2' ? 4 : 0;
      }
      continue;
    }
    if (!isColorParameter(code)) kept.push(part);
  }
  return kept;
};

/** The text with the colours taken out of its SGR escape sequences; bold, dim, inverse and resets stay. */
export const withoutColor = (text: string): string =>
  text.replace(/\u001B\[([\d;:]*)m/g, (sequence, parameters: string) => {
    if (parameters === '') return sequence;
    const kept = withoutColorParameters(parameters);
    return kept.length > 0 ? `\u001B[${kept.join(';')}m` : '';
  });

/** From now on, whatever is written to the stream as text reaches it without colour. */
export const dropColorFrom = (stream: NodeJS.WritableStream): void => {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === 'string' ? withoutColor(chunk) : chunk, ...rest)) as typeof stream.write;
};

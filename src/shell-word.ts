/**
 * Commands pos-sim tells the user to run (a reset, a replay) are copied into a shell: each word is
 * written so that a POSIX shell reads it back as it is, whatever the path holds.
 */

/** A word as a POSIX shell reads it back: as it is when plain, else in single quotes. */
export const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

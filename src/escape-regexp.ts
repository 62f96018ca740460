/** Text as a regular expression that matches exactly it: each character with a meaning in a pattern escaped. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Text from what a user gave (file names, walkthrough names, what a step wrote) as a terminal may
 * show it: control characters other than a line break and a tab are written out (\x1B, \x07, \x9B),
 * so a hostile name cannot move the cursor, clear the screen, retitle the window or ring the bell.
 */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

const written = (control: string): string => `\\x${control.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

export const visibleControls = (text: string): string => text.replace(CONTROLS, written);

import type { Browser } from 'playwright-core';

/** A headless Chromium to open pos-sim's pages in; close it when done. */
export declare const launchChromium: () => Promise<Browser>;

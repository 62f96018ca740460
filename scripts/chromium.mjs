// Debian's Chromium, headless, driven by playwright-core (.ci/run installs it; POS_SIM_CHROMIUM
// names another), with its flags for a closed network, as root: the browser tests, the README's
// screenshots and the HTML report's benchmark all open it so.
import { chromium } from 'playwright-core';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium to open pos-sim's pages in; close it when done. */
export const launchChromium = () => chromium.launch({ executablePath: process.env.POS_SIM_CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });

import { existsSync } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); set CHROMIUM_PATH when it lives elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The browser suites skip when there is no Chromium to drive. */
export const hasChromium = existsSync(CHROMIUM);

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/** A student's phone: the viewport of a 6.1" handset, touch input, mobile layout. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  timezoneId: 'UTC',
};

/** A site administrator's laptop. */
export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  timezoneId: 'UTC',
};

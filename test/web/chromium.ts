/**
 * Debian's Chromium driven by playwright-core (`npx playwright install` cannot download a browser here):
 * the browser tests and `npm run bench -- web` launch it the same way.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, and nothing of its own on the network: a request the page did not make would spoil the same-host check. */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });

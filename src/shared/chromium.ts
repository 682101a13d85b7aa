/**
 * How Framescope starts headless Chromium wherever it drives one (PDF and chart exports outside
 * the desktop app, the end-to-end tests): one list of flags, no sandbox inside containers, no
 * network chatter of its own.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
] as const;

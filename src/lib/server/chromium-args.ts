// Flags for the headless Chromium that prints reports on the server, runs the browser tests and
// the benchmark: no sandbox (containers run it as root), no GPU (WebGL falls back to
// SwiftShader), and none of the background traffic a desktop browser makes (no network here).
// Plain module without imports so that playwright.config.ts and scripts/ can load it too.
export const HEADLESS_CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

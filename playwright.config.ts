import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is not available on our machines.
const launchOptions = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: true,
	workers: 2,
	timeout: 30_000,
	reporter: process.env.CI ? 'line' : 'list',
	webServer: {
		command: 'npm run build && npm run preview',
		port: 4173,
		reuseExistingServer: false,
		timeout: 180_000
	},
	use: {
		baseURL: 'http://localhost:4173',
		serviceWorkers: 'allow',
		trace: 'retain-on-failure'
	},
	projects: [
		// Checks of the built files themselves: no browser needed, run once.
		{ name: 'build', testMatch: /build\.spec\.ts/ },
		// Phones are emulated at 1 CSS pixel per device pixel: layout is the same, rendering cheaper.
		// Builds a second version of the app and updates to it: slow, so run once, on a phone.
		{
			name: 'update',
			testMatch: /update\.spec\.ts/,
			use: { ...devices['Pixel 7'], deviceScaleFactor: 1, launchOptions }
		},
		// The README's screenshots: a phone in the light theme, the real pixel ratio.
		{
			name: 'screenshots',
			testMatch: /screenshots\.spec\.ts/,
			use: { ...devices['Pixel 7'], deviceScaleFactor: 2, colorScheme: 'light', launchOptions }
		},
		{
			name: 'phone',
			testIgnore: /(build|update|screenshots)\.spec\.ts/,
			use: { ...devices['Pixel 7'], deviceScaleFactor: 1, launchOptions }
		},
		{
			name: 'desktop',
			testIgnore: /(build|update|screenshots)\.spec\.ts/,
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions }
		}
	]
});

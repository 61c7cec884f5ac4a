import { defineConfig, devices } from '@playwright/test';
import { SYNC_PORT } from './tests/e2e/sync-port';

// The app under test offers sync with a server the sync tests start on this port (the build reads
// it; so does build.spec.ts, which checks the Content-Security-Policy allows exactly it).
process.env.PUBLIC_SYNC_SERVER ??= `http://localhost:${SYNC_PORT}`;

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
	// Limits, not waits: every test waits for states. They are generous so that a machine whose
	// cores are busy with something else (see `npm run test:e2e:stress`) fails nothing.
	timeout: 60_000,
	expect: { timeout: 15_000 },
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
		// A trace helps where it can be opened; CI prints its log only, and tracing costs a sixth of
		// the suite's time.
		trace: process.env.CI ? 'off' : 'retain-on-failure'
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
		// Every flow, on a phone: the app's first audience. A fake microphone (a beep) for recording
		// spoken answers, granted without a prompt where a test allows it.
		{
			name: 'phone',
			testIgnore: /(build|update|screenshots)\.spec\.ts/,
			use: {
				...devices['Pixel 7'],
				deviceScaleFactor: 1,
				launchOptions: {
					...launchOptions,
					args: [
						...launchOptions.args,
						'--use-fake-device-for-media-stream',
						'--use-fake-ui-for-media-stream'
					]
				}
			}
		},
		// What differs on a wide screen is layout and the keyboard: the accessibility checks (axe,
		// touch targets, overflow at 100% and 200% text, keyboard alone). The flows behind them are
		// the same code as on a phone.
		{
			name: 'desktop',
			testMatch: /accessibility\.spec\.ts/,
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions }
		},
		// The README's screenshots (`npm run screenshots`): a phone in the light theme, the real pixel
		// ratio. They compare no pixels, so `npm test` does not take them.
		...(process.env.SCREENSHOTS
			? [
					{
						name: 'screenshots',
						testMatch: /screenshots\.spec\.ts/,
						use: {
							...devices['Pixel 7'],
							deviceScaleFactor: 2,
							colorScheme: 'light' as const,
							launchOptions
						}
					}
				]
			: [])
	]
});

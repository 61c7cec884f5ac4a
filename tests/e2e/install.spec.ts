import { expect, test } from './fixtures';
import { waitForServiceWorker } from './helpers';
import { prerenderedPages } from './site';

test('the page links a valid manifest with installable icons', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBe('/manifest.webmanifest');
	const response = await request.get(href ?? '');
	expect(response.ok()).toBe(true);
	const manifest = await response.json();
	expect(manifest.display).toBe('standalone');
	for (const icon of manifest.icons as { src: string }[]) {
		const iconResponse = await request.get(icon.src);
		expect(iconResponse.headers()['content-type']).toContain('image/png');
	}
	const touchIcon = await page
		.locator('link[rel="apple-touch-icon"]')
		.evaluate((link: HTMLLinkElement) => link.href);
	const touchIconResponse = await request.get(touchIcon);
	expect(touchIconResponse.headers()['content-type']).toContain('image/png');
});

test('the service worker takes control on the first visit', async ({ page }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await expect(page.getByTestId('offline-ready')).toContainText('Ready to work offline');
});

// Every page in turn, each with its screen: in two halves, so that each test stays short on a busy
// machine (the two workers share them).
for (const half of [0, 1]) {
	test(`after one online visit every page renders offline (${half + 1} of 2)`, async ({
		page,
		context
	}) => {
		test.setTimeout(90_000);
		await page.goto('/');
		await waitForServiceWorker(page);
		await context.setOffline(true);
		const failed: string[] = [];
		page.on('requestfailed', (request) => {
			// Leaving a page cancels what it was still fetching; that is not a failure to load.
			if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(request.url());
		});
		for (const path of prerenderedPages().filter((_, index) => index % 2 === half)) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			await expect(page.locator('main h1'), path).toBeVisible();
			// The page's screen came from the precache too: no "Loading…" that never ends.
			await expect(page.getByText(/^(Loading|Counting)/), path).toHaveCount(0);
			await expect(page.getByRole('alert'), path).toHaveCount(0);
		}
		// An address that was never a page still shows the app's own message, offline too.
		await page.goto('/no-such-page');
		await expect(page.locator('main h1')).toHaveText('Page not found');
		// Nothing the pages asked for failed: everything came from the precache.
		expect(failed).toEqual([]);
	});
}

test('an unknown address shows a 404 page online', async ({ page }) => {
	await page.goto('/no-such-page');
	await expect(page.locator('main h1')).toHaveText('Page not found');
});

test('Chrome finds the app installable', async ({ page }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	const cdp = await page.context().newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	// Playwright's browser contexts are incognito, which no site can change; nothing else may fail.
	expect(installabilityErrors.map((error) => error.errorId)).toEqual(['in-incognito']);
	const { url, errors } = await cdp.send('Page.getAppManifest');
	expect(url).toMatch(/\/manifest\.webmanifest$/);
	expect(errors).toEqual([]);
});

test('an "Install app" button appears when the browser offers installation', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'Install app' })).toHaveCount(0);
	await page.evaluate(() => {
		const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
			prompt: () => Promise<void>;
			userChoice: Promise<{ outcome: string }>;
		};
		event.prompt = async () => {
			(window as unknown as { prompted: boolean }).prompted = true;
		};
		event.userChoice = Promise.resolve({ outcome: 'accepted' });
		window.dispatchEvent(event);
	});
	await page.getByRole('button', { name: 'Install app' }).click();
	expect(await page.evaluate(() => (window as unknown as { prompted: boolean }).prompted)).toBe(
		true
	);
	await expect(page.getByRole('button', { name: 'Install app' })).toHaveCount(0);
});

test.describe('on iOS Safari', () => {
	test.use({
		userAgent:
			'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1'
	});

	test('a hint explains Add to Home Screen and the 7-day data limit, until dismissed', async ({
		page
	}) => {
		await page.goto('/');
		const hint = page.getByRole('region', { name: 'Keep your progress on iPhone and iPad' });
		await expect(hint).toContainText('Add to Home Screen');
		await expect(hint).toContainText('7 days');
		await hint.getByRole('button', { name: 'Got it' }).click();
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Prepare for the CTO role' })).toBeVisible();
		await expect(hint).toHaveCount(0);
	});
});

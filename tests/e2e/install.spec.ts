import { expect, test } from '@playwright/test';
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

test('after one online visit every page renders offline', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	for (const path of prerenderedPages()) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expect(page.locator('main h1'), path).toBeVisible();
	}
	// An address that was never a page still shows the app's own message, offline too.
	await page.goto('/no-such-page');
	await expect(page.locator('main h1')).toHaveText('Page not found');
});

test('an unknown address shows a 404 page online', async ({ page }) => {
	await page.goto('/no-such-page');
	await expect(page.locator('main h1')).toHaveText('Page not found');
});

test('every page has one h1 inside main and the navigation', async ({ page }) => {
	for (const path of prerenderedPages()) {
		await page.goto(path);
		await expect(page.locator('h1'), path).toHaveCount(1);
		await expect(page.locator('main h1'), path).toHaveCount(1);
		for (const name of ['Study', 'Quiz', 'Interview', 'Stats', 'Settings']) {
			await expect(
				page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name })
			).toBeVisible();
		}
	}
});

import { expect, type Page } from '@playwright/test';

/** Waits until the service worker is active and controls the page, so everything is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise<void>((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), {
					once: true
				})
			);
		}
	});
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

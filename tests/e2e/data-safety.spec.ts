import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Nothing here needs the offline cache; without the service worker pages load faster.
test.use({ serviceWorkers: 'block' });

async function countReviews(page: Page): Promise<{ reviews: number; cards: number }> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const open = indexedDB.open('cto-prep');
			open.onsuccess = () => resolve(open.result);
		});
		const count = (store: string) =>
			new Promise<number>((resolve) => {
				const request = db.transaction(store).objectStore(store).count();
				request.onsuccess = () => resolve(request.result);
			});
		const [reviews, cards] = await Promise.all([count('reviews'), count('cards')]);
		db.close();
		return { reviews, cards };
	});
}

test('a full disk gives a clear message, stores nothing, and the card can be answered again', async ({
	page
}) => {
	await page.goto('/study/');
	await page.getByRole('button', { name: 'Study all decks' }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.getByText('1 done')).toBeVisible();

	// The disk fills up: every write of an answer fails as a browser reports it.
	await page.evaluate(() => {
		const original = IDBObjectStore.prototype.add;
		(window as unknown as { restoreAdd: () => void }).restoreAdd = () => {
			IDBObjectStore.prototype.add = original;
		};
		IDBObjectStore.prototype.add = function () {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.getByRole('alert')).toContainText('out of storage space');
	await expect(page.getByText('1 done')).toBeVisible();
	await page.evaluate(() => (window as unknown as { restoreAdd: () => void }).restoreAdd());
	expect(await countReviews(page)).toEqual({ reviews: 1, cards: 1 });

	// Space is freed: the same card, still on screen, is answered and stored.
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.getByText('2 done')).toBeVisible();
	expect(await countReviews(page)).toEqual({ reviews: 2, cards: 2 });
});

test('where the browser gives the app no storage, the page says so plainly', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
	});
	await page.goto('/study/');
	await expect(page.getByRole('alert').first()).toContainText('does not let the app store data');
});

test('two tabs: a schema upgrade in one closes the other cleanly and asks it to reload', async ({
	context
}) => {
	const first = await context.newPage();
	await first.goto('/study/');
	await expect(first.getByRole('button', { name: 'Study all decks' })).toBeVisible();
	await first.getByRole('button', { name: 'Study all decks' }).click();
	await first.getByRole('button', { name: 'Show answer' }).click();
	await first.getByRole('button', { name: /^Good/ }).click();
	await expect(first.getByText('1 done')).toBeVisible();

	// A second tab runs a newer version of the app, which upgrades the database.
	const second = await context.newPage();
	await second.goto('/settings/');
	// One version past whatever this app's schema is.
	const newer =
		(await second.evaluate(async () => {
			const databases = await indexedDB.databases();
			return databases.find((database) => database.name === 'cto-prep')?.version ?? 0;
		})) + 1;
	expect(newer).toBeGreaterThan(1);
	const upgraded = await second.evaluate(
		(version) =>
			new Promise<{ version: number; reviews: number }>((resolve, reject) => {
				const open = indexedDB.open('cto-prep', version);
				open.onupgradeneeded = () => open.result.createObjectStore('fromTheFuture');
				open.onblocked = () => reject(new Error('blocked by the other tab'));
				open.onsuccess = () => {
					const db = open.result;
					const count = db.transaction('reviews').objectStore('reviews').count();
					count.onsuccess = () => {
						resolve({ version: db.version, reviews: count.result });
						db.close();
					};
				};
			}),
		newer
	);
	// The first tab let go at once (not blocked), and nothing it stored was lost.
	expect(upgraded).toEqual({ version: newer, reviews: 1 });
	const banner = first.getByRole('alert').filter({ hasText: 'another tab' });
	await expect(banner).toContainText('Reload');
	await expect(banner.getByRole('button', { name: 'Reload' })).toBeVisible();
});

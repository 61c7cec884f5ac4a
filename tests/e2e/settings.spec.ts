import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

// Nothing here needs the offline cache; without the service worker pages load faster.
test.use({ serviceWorkers: 'block' });

const PROGRESS = ['cards', 'reviews', 'quizAttempts', 'interviewAnswers'] as const;
const STORES = [...PROGRESS, 'settings'] as const;

type Stored = Record<(typeof STORES)[number] | 'decks', unknown[]>;

/** Reads every record of the app's IndexedDB database from the page (decks by id and hash only). */
async function stored(page: Page): Promise<Stored> {
	return page.evaluate(async (stores) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('cto-prep');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const all = (store: string) =>
			new Promise<unknown[]>((resolve, reject) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const result: Record<string, unknown[]> = {};
		for (const store of stores) result[store] = await all(store);
		result.decks = ((await all('decks')) as { id: string; hash: string; fetchedAt: number }[]).map(
			({ id, hash, fetchedAt }) => ({ id, hash, fetchedAt })
		);
		db.close();
		return result as Stored;
	}, STORES);
}

/** Answers a few cards on the study page, so there is progress to back up. */
async function studySomeCards(page: Page, count: number) {
	await page.goto('/study/');
	await page.getByRole('button', { name: 'Study all decks' }).click();
	const session = page.getByRole('region', { name: 'Study session' });
	for (let i = 1; i <= count; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good/ }).click();
		await expect(session).toContainText(`${i} done`);
	}
}

async function openSettings(page: Page) {
	await page.goto('/settings/');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Export progress' })).toBeEnabled();
}

test('export, reset and import give back exactly the progress there was', async ({ page }) => {
	await studySomeCards(page, 3);
	await openSettings(page);
	await expect(page.getByText('You have not exported your progress yet')).toBeVisible();
	// Recordings go in only when asked for, and there is nothing to ask for without any.
	await expect(page.getByRole('checkbox', { name: /^Include my recordings/ })).toHaveCount(0);

	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^cto-prep-progress-\d{4}-\d{2}-\d{2}\.json$/);
	const file = await download.path();
	await expect(page.getByRole('status').filter({ hasText: 'Progress exported to' })).toBeVisible();
	await expect(page.getByTestId('last-backup')).toContainText('Last backup:');
	await expect(page.getByText('You have not exported your progress yet')).toBeHidden();

	const before = await stored(page);
	expect(before.cards).toHaveLength(3);
	expect(before.reviews).toHaveLength(3);
	const backup = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
	expect(backup).toMatchObject({ format: 'cto-prep-progress', version: 5 });
	expect(backup).not.toHaveProperty('recordings');
	expect(backup.cards).toEqual(before.cards);
	expect(backup.reviews).toEqual(before.reviews);

	await page.getByRole('button', { name: 'Reset progress…' }).click();
	const reset = page.getByRole('dialog', { name: 'Delete all progress?' });
	await expect(reset).toContainText(
		'This deletes 3 card states and 3 flashcard answers. Decks, settings, your own answers and your recordings stay.'
	);
	await expect(reset.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await reset.getByRole('button', { name: 'Delete my progress' }).click();
	await expect(reset).toBeHidden();
	await expect(page.getByRole('status').filter({ hasText: 'progress was deleted' })).toBeVisible();
	const afterReset = await stored(page);
	for (const store of PROGRESS) expect(afterReset[store]).toEqual([]);
	// The study session kept to resume goes with the progress it counted; the settings stay.
	const keptSession = (record: unknown) =>
		(record as { key: string }).key.startsWith('meta:session:');
	expect(before.settings.some(keptSession)).toBe(true);
	const settingsBefore = before.settings.filter((record) => !keptSession(record));
	expect(afterReset.settings).toEqual(settingsBefore);
	expect(afterReset.decks).toEqual(before.decks);

	await page.getByLabel('Import progress').setInputFiles(file);
	const replace = page.getByRole('dialog', { name: 'Replace your progress?' });
	await expect(replace).toContainText('3 card states and 3 flashcard answers');
	await expect(replace.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await replace.getByRole('button', { name: 'Replace my progress' }).click();
	await expect(replace).toBeHidden();
	await expect(
		page.getByRole('status').filter({
			hasText: 'Progress imported: 3 card states and 3 flashcard answers.'
		})
	).toBeVisible();
	// Every record comes back; answers get new keys from their store, in the same order.
	const after = await stored(page);
	const withoutIds = (records: unknown[]) =>
		records.map((record) => ({ ...(record as object), id: undefined }));
	expect(after.cards).toEqual(before.cards);
	expect(withoutIds(after.reviews)).toEqual(withoutIds(before.reviews));
	expect(after.settings).toEqual(settingsBefore);
	expect(after.decks).toEqual(before.decks);

	// What was imported is what the study page shows.
	await page.goto('/study/');
	await expect(page.getByRole('region', { name: 'Today' })).toContainText('17 new');
});

test('a file with a __proto__ key is refused with its reason, and nothing changes', async ({
	page
}) => {
	await studySomeCards(page, 2);
	await openSettings(page);
	const before = await stored(page);
	const text = JSON.stringify({
		format: 'cto-prep-progress',
		version: 1,
		exportedAt: '2026-11-23T09:00:00.000Z',
		cards: [],
		reviews: [],
		quizAttempts: [],
		interviewAnswers: [],
		settings: []
	}).replace('{', '{"__proto__":{"polluted":true},');
	await page.getByLabel('Import progress').setInputFiles({
		name: 'progress.json',
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('progress.json was not imported, and nothing was changed.');
	await expect(alert).toContainText('The file has a field named "__proto__", which is refused');
	await expect(page.getByRole('dialog')).toBeHidden();
	expect(await stored(page)).toEqual(before);
	expect(await page.evaluate(() => 'polluted' in Object.prototype)).toBe(false);
});

test('a setting is saved, checked, and kept after a reload', async ({ page }) => {
	await openSettings(page);
	const newCards = page.getByLabel('New cards per day');
	await expect(newCards).toHaveValue('20');
	await expect(page.getByLabel('Desired retention')).toHaveValue('90');

	await newCards.fill('-3');
	await newCards.press('Tab');
	await expect(page.getByText('Enter a whole number from 0 to 9999.')).toBeVisible();
	await expect(newCards).toHaveAttribute('aria-invalid', 'true');

	await newCards.fill('30');
	await newCards.press('Tab');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await expect(newCards).not.toHaveAttribute('aria-invalid');

	await page.reload();
	await expect(page.getByLabel('New cards per day')).toHaveValue('30');
	await page.goto('/study/');
	await expect(page.getByRole('region', { name: 'Today' })).toContainText('30 new');
});

test('the settings page can be used with the keyboard alone and has no accessibility faults', async ({
	page
}) => {
	const blocked: string[] = [];
	page.on('console', (message) => {
		if (message.text().includes('Content Security Policy')) blocked.push(message.text());
	});
	await studySomeCards(page, 1);
	await openSettings(page);
	expect(await axeViolations(page, { scope: 'main' })).toEqual([]);

	const resetButton = page.getByRole('button', { name: 'Reset progress…' });
	await resetButton.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Delete all progress?' });
	await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
	expect(await axeViolations(page, { scope: 'dialog[open]' })).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(resetButton).toBeFocused();
	expect((await stored(page)).cards).toHaveLength(1);
	// The strict CSP allows no inline style or script: nothing on the page needed one.
	expect(blocked).toEqual([]);

	// No control is clipped at 200% text on this viewport: nothing scrolls sideways.
	await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
		true
	);
});

import type { Page } from '@playwright/test';
import { axeInBothThemes } from './axe';
import { expect, test } from './fixtures';

// Nothing here needs the offline cache; without the service worker pages load faster.
test.use({ serviceWorkers: 'block' });

const TSV = [
	'Front\tBack',
	'What does Acme run on?\tGo and Postgres on two clouds',
	'How many engineers does Acme have?\tAbout 120',
	'Who founded Acme?\t<b>Ada</b> and Grace',
	'only one column'
].join('\n');

/** Opens the Import page and picks the spreadsheet above. */
async function pickAcme(page: Page): Promise<void> {
	await page.goto('/import/');
	await page.getByLabel('Choose a file').setInputFiles({
		name: 'acme.tsv',
		mimeType: 'text/tab-separated-values',
		buffer: Buffer.from(TSV)
	});
}

test('cards from a spreadsheet: previewed, stored as an own deck, studied, and deleted after asking', async ({
	page
}) => {
	await pickAcme(page);
	// Nothing is stored yet: the page says what the file gives, and what it left out.
	const preview = page.getByRole('region', { name: 'What this file gives' });
	await expect(preview).toContainText('3 cards with a front and a back');
	await expect(preview).toContainText('What does Acme run on? → Go and Postgres on two clouds');
	await expect(page.getByLabel('Read it as')).toHaveValue('delimited');
	await expect(page.getByLabel('The first row names the columns')).toBeChecked();
	await preview.getByText('1 line gave no card').click();
	await expect(preview).toContainText('Line 5:');
	await expect(page.getByLabel('Deck name')).toHaveValue('acme');
	expect(await axeInBothThemes(page, 'main')).toEqual([]);

	await page.getByLabel('Deck name').fill('Acme');
	await page.getByRole('button', { name: 'Add 3 cards' }).click();
	await expect(
		page.getByRole('region', { name: 'Import cards' }).getByRole('status')
	).toContainText('“Acme” is stored: 3 cards added');
	const decks = page.getByRole('region', { name: 'Your decks' });
	await expect(decks).toContainText('Acme');
	await expect(decks).toContainText('3 cards · from acme.tsv');

	// Studied like ours, its card telling where it came from.
	await page.getByRole('link', { name: 'Study them' }).click();
	await page.locator('#study-deck-own-acme').click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	const session = page.getByRole('region', { name: 'Study session' });
	await expect(session).toContainText('From your deck “Acme” (acme.tsv)');
	await page.getByRole('button', { name: /^Good/ }).click();

	// Deleting asks first and says what goes.
	await page.goto('/import/');
	await page.getByRole('button', { name: 'Delete Acme…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete “Acme”?' });
	await expect(dialog).toContainText('Its 3 cards go, with every answer you gave to them.');
	await dialog.getByRole('button', { name: 'Delete the deck' }).click();
	await expect(decks).toContainText('None yet');
	await page.goto('/study/');
	await expect(page.locator('#study-deck-own-acme')).toHaveCount(0);
});

test('a file that is not cards is refused with the reason, and nothing is stored', async ({
	page
}) => {
	await page.goto('/import/');
	await page.getByLabel('Choose a file').setInputFiles({
		name: 'photo.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
	});
	await expect(page.getByRole('alert')).toContainText(/picture|image|PNG/i);
	await expect(page.getByRole('button', { name: /^Add/ })).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'Your decks' })).toContainText('None yet');
});

test('an own deck renamed, exported for Anki and imported into a fresh profile gives the same cards', async ({
	page,
	browser,
	baseURL
}) => {
	await pickAcme(page);
	await page.getByLabel('Deck name').fill('Acme');
	await page.getByRole('button', { name: 'Add 3 cards' }).click();
	const decks = page.getByRole('region', { name: 'Your decks' });
	await decks.getByRole('button', { name: 'Rename Acme…' }).click();
	await expect(decks.getByLabel('New name for “Acme”')).toBeFocused();
	expect(await axeInBothThemes(page, 'main')).toEqual([]);
	await decks.getByLabel('New name for “Acme”').fill('Acme Corp');
	await decks.getByRole('button', { name: 'Save name' }).click();
	await expect(decks).toContainText('Acme Corp');

	/** Exports a deck for Anki from `on` and returns the file's name and text. */
	async function exportForAnki(on: typeof page) {
		const section = on.getByRole('region', { name: 'Export a deck' });
		await section.getByLabel('Deck').selectOption({ label: 'Acme Corp (3 cards)' });
		const downloading = on.waitForEvent('download');
		await section.getByRole('button', { name: 'For Anki (.txt)' }).click();
		const download = await downloading;
		await expect(section.getByRole('status')).toContainText(
			'3 cards of “Acme Corp” saved as acme-corp.txt.'
		);
		const { readFile } = await import('node:fs/promises');
		return {
			name: download.suggestedFilename(),
			text: await readFile((await download.path())!, 'utf8')
		};
	}
	const exported = await exportForAnki(page);
	expect(exported.name).toBe('acme-corp.txt');
	expect(exported.text).toContain('#deck:Acme Corp\n');
	expect(exported.text).toContain('What does Acme run on?\tGo and Postgres on two clouds\n');

	// Another device: a profile of its own.
	const fresh = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	const other = await fresh.newPage();
	await other.goto(new URL('/import/', baseURL).href);
	await other.waitForSelector('html[data-hydrated]', { state: 'attached' });
	await other.getByLabel('Choose a file').setInputFiles({
		name: exported.name,
		mimeType: 'text/plain',
		buffer: Buffer.from(exported.text)
	});
	await expect(other.getByLabel('Read it as')).toHaveValue('anki-text');
	await expect(other.getByLabel('Deck name')).toHaveValue('Acme Corp');
	await other.getByRole('button', { name: 'Add 3 cards' }).click();
	await expect(other.getByRole('region', { name: 'Your decks' })).toContainText(
		'3 cards · from acme-corp.txt'
	);
	// The same cards: exported again from there, the file is the same.
	expect(await exportForAnki(other)).toEqual(exported);
	await fresh.close();
});

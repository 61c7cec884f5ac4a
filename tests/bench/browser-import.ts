/**
 * Importing another app's cards, in Chromium against the production build: a TSV file of 10,000
 * cards picked on the Import page, read and checked in the importers' worker (the preview), then
 * stored as an own deck (one IndexedDB transaction, see `storeDeck`).
 */
import type { Browser, Page } from '@playwright/test';
import { median, round } from './numbers';
import type { BenchContext, Section } from './types';

/** A spreadsheet of `cards` rows of a front and a back, as a learner's export would have. */
function spreadsheet(cards: number): Buffer {
	const rows = ['Front\tBack'];
	for (let i = 1; i <= cards; i++) {
		rows.push(
			`What does term ${i} of our platform mean?\tThe meaning of term ${i}, in a sentence.`
		);
	}
	return Buffer.from(rows.join('\n'));
}

/** Picks the file, then adds its cards: the ms to the preview and to "stored". */
async function importOnce(page: Page, baseURL: string, file: Buffer, cards: number) {
	await page.goto(`${baseURL}/import/`);
	const picker = page.getByLabel('Choose a file');
	await picker.waitFor();
	const count = cards.toLocaleString('en');
	const picked = Date.now();
	await picker.setInputFiles({
		name: 'cards.tsv',
		mimeType: 'text/tab-separated-values',
		buffer: file
	});
	const add = page.getByRole('button', { name: `Add ${count} cards` });
	await add.waitFor({ timeout: 120_000 });
	const previewMs = Date.now() - picked;
	const adding = Date.now();
	await add.click();
	await page
		.getByRole('region', { name: 'Import cards' })
		.getByRole('status')
		.filter({ hasText: `${count} cards added` })
		.waitFor({ timeout: 120_000 });
	return { previewMs, storeMs: Date.now() - adding };
}

export async function importSection(browser: Browser, bench: BenchContext): Promise<Section> {
	const cards = bench.quick ? 2_000 : 10_000;
	const rounds = bench.quick ? 1 : 3;
	const file = spreadsheet(cards);
	const previews: number[] = [];
	const stores: number[] = [];
	for (let round = 0; round < rounds; round++) {
		// A fresh profile each time: the first import of the file, not an update of the deck.
		const context = await browser.newContext({ serviceWorkers: 'block' });
		try {
			const times = await importOnce(await context.newPage(), bench.baseURL, file, cards);
			previews.push(times.previewMs);
			stores.push(times.storeMs);
		} finally {
			await context.close();
		}
	}
	const count = cards.toLocaleString('en');
	const store = median(stores);
	return {
		title: `Import ${count} cards from a TSV file`,
		figures: [
			{ name: `pick to preview, ${count} cards`, value: round(median(previews), 0), unit: 'ms' },
			{ name: `"Add" to stored, ${count} cards`, value: round(store, 0), unit: 'ms' },
			{ name: 'stored, per card', value: round(store / cards, 3), unit: 'ms' }
		],
		notes: [
			`Median of ${rounds}, each in a fresh profile; wall time measured from Node, so it includes Playwright's polling (tens of ms).`,
			`The file is ${Math.round(file.length / 1000)} KB; it is read, parsed and checked in the importers' worker (loaded on the first pick), then stored as one deck record and its cards in one IndexedDB transaction.`
		]
	};
}

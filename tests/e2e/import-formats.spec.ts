import type { Page } from '@playwright/test';
import { axeInBothThemes } from './axe';
import { expect, test } from './fixtures';

// Nothing here needs the offline cache; without the service worker pages load faster.
test.use({ serviceWorkers: 'block' });

/** Opens the Import page and picks a file of `text`. */
async function pick(page: Page, name: string, text: string, mimeType = 'text/plain') {
	await page.goto('/import/');
	await page
		.getByLabel('Choose a file')
		.setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

const preview = (page: Page) => page.getByRole('region', { name: 'What this file gives' });
const stored = (page: Page) =>
	page.getByRole('region', { name: 'Import cards' }).getByRole('status');

/** Names the deck and adds the file's cards; the page says they are stored. */
async function addAs(page: Page, name: string, cards: number) {
	await page.getByLabel('Deck name').fill(name);
	await page.getByRole('button', { name: `Add ${cards} cards` }).click();
	await expect(stored(page)).toContainText(`“${name}” is stored: ${cards} cards added`);
}

test('an Anki plain-text export: its header lines are read, its HTML becomes plain text', async ({
	page
}) => {
	await pick(
		page,
		'Acme.txt',
		[
			'#separator:tab',
			'#html:true',
			'#deck:Interviews::Acme',
			'#tags column:3',
			'What does Acme run on?\tGo <i>and</i> Postgres<br>on two clouds\tstack',
			'Who leads the platform team?\tAda&nbsp;Lovelace\tpeople'
		].join('\n')
	);
	await expect(page.getByLabel('Read it as')).toHaveValue('anki-text');
	await expect(preview(page)).toContainText('2 cards with a front and a back');
	await expect(preview(page)).toContainText(
		'What does Acme run on? → Go and Postgres on two clouds'
	);
	await expect(preview(page)).toContainText('Who leads the platform team? → Ada Lovelace');
	// The deck's name comes from the file's #deck line.
	await expect(page.getByLabel('Deck name')).toHaveValue(/Acme/);
	await page.getByRole('button', { name: 'Add 2 cards' }).click();
	await expect(stored(page)).toContainText('is stored: 2 cards added');
});

test('a CSV file whose answer is in another column: the back is chosen from its columns', async ({
	page
}) => {
	await pick(
		page,
		'terms.csv',
		[
			'Term,Notes,Meaning',
			'Roadmap,see wiki,A plan of what is built when',
			'SLA,draft,What the service promises'
		].join('\n'),
		'text/csv'
	);
	await expect(page.getByLabel('Read it as')).toHaveValue('delimited');
	await expect(preview(page)).toContainText('Roadmap → see wiki');
	await page.getByLabel('Back').selectOption({ label: '3: Meaning' });
	await expect(preview(page)).toContainText('Roadmap → A plan of what is built when');
	await expect(preview(page)).toContainText('SLA → What the service promises');
	await addAs(page, 'Terms', 2);
});

test('a Quizlet export written with a comma and semicolons is read with those separators', async ({
	page
}) => {
	await pick(page, 'quizlet.txt', 'CTO,Chief technology officer;SRE,Site reliability engineering;');
	await page.getByLabel('Read it as').selectOption('quizlet');
	const form = page.getByRole('region', { name: 'Import cards' });
	await form
		.getByRole('group', { name: 'Between term and definition' })
		.getByLabel('Comma')
		.check();
	await form.getByRole('group', { name: 'Between cards' }).getByLabel('Semicolon').check();
	await expect(preview(page)).toContainText('2 cards with a front and a back');
	await expect(preview(page)).toContainText('CTO → Chief technology officer');
	await expect(preview(page)).toContainText('SRE → Site reliability engineering');
	expect(await axeInBothThemes(page, 'main')).toEqual([]);

	// A custom separator Quizlet was told to write.
	await form.getByRole('group', { name: 'Between cards' }).getByLabel('Custom').check();
	await expect(form.getByRole('alert')).toContainText('A custom separator cannot be empty');
	await form.getByLabel('Between cards: custom').fill(';');
	await form.getByLabel('Between cards: custom').press('Tab');
	await expect(preview(page)).toContainText('2 cards with a front and a back');
	await addAs(page, 'Quizlet set', 2);
});

test('a corrected file imported again updates the deck in place and keeps the history', async ({
	page
}) => {
	const first = [
		'Front\tBack',
		'What does Acme run on?\tGo',
		'Who founded Acme?\tAda',
		'Where is Acme?\tParis'
	];
	await pick(page, 'acme.tsv', first.join('\n'), 'text/tab-separated-values');
	await addAs(page, 'Acme', 3);

	// One card is answered.
	await page.getByRole('link', { name: 'Study them' }).click();
	await page.locator('#study-deck-own-acme').click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	const session = page.getByRole('region', { name: 'Study session' });
	const answered = (await session.locator('.question').textContent())?.trim() ?? '';
	await page.getByRole('button', { name: /^Good/ }).click();
	await page.getByRole('button', { name: 'End session' }).click();
	await page.getByRole('button', { name: 'Back to decks' }).click();

	// The corrected file: one answer fixed, one card gone, one new.
	const corrected = first
		.slice(0, 3)
		.map((row) => row.replace('\tGo', '\tGo and Postgres'))
		.concat('How many engineers?\t120');
	await pick(page, 'acme.tsv', corrected.join('\n'), 'text/tab-separated-values');
	await page
		.getByLabel('Store as')
		.selectOption({ label: 'An update of “Acme” (keeps its history)' });
	await page.getByRole('button', { name: 'Add 3 cards' }).click();
	await expect(stored(page)).toContainText(
		'“Acme” is stored: 1 card added, 1 changed, 1 no longer in the file'
	);

	await page.goto('/study/');
	const deck = page.getByRole('listitem').filter({ has: page.locator('#study-deck-own-acme') });
	if (answered.includes('Where is Acme')) {
		// The card answered is the one the file no longer has: retired, its history kept.
		await expect(deck).toContainText(/0 learning\s*3 new/);
	} else {
		// The card answered is still learning, not new again, even if its answer was corrected.
		await expect(deck).toContainText(/1 learning\s*2 new/);
	}
});

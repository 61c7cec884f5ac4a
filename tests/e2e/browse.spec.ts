import { axeInBothThemes } from './axe';
import { expect, test } from './fixtures';

// Nothing here needs the offline cache; without the service worker pages load faster.
test.use({ serviceWorkers: 'block' });

test('a card just studied is found in the browser, with its history, by keyboard', async ({
	page
}) => {
	await page.goto('/study/');
	await page.getByRole('button', { name: 'Study all decks' }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	// Its back (a cloze's answer) is searched for: the search reads every text of a card.
	const back = (await page.locator('.answer .back').textContent())?.trim() ?? '';
	expect(back).not.toBe('');
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.getByText('1 done')).toBeVisible();

	// The study session is kept (and resumed on the Study page): the way in is from Settings.
	await page.goto('/settings/');
	await page.getByRole('link', { name: 'browse the cards' }).click();
	await expect(page.locator('main h1')).toHaveText('Browse cards');
	const count = page.getByTestId('browse-count');
	await expect(count).toHaveText(/^([\d,]+) of \1 cards$/);
	const cards = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) });
	// A hundred at a time; the next ones are read from the first of them.
	await expect(cards.getByRole('listitem')).toHaveCount(100);
	await page.getByRole('button', { name: 'Show 100 more' }).click();
	await expect(cards.getByRole('listitem').nth(100).getByRole('button')).toBeFocused();

	await page.getByLabel('Search the cards').fill(back.toUpperCase());
	await page.getByLabel('State').selectOption({ label: 'Learning' });
	await expect(count).toHaveText(/^1 of [\d,]+ cards$/);
	const row = cards.getByRole('listitem');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Learning');

	// Opened with the keyboard alone.
	const open = row.getByRole('heading', { level: 3 }).getByRole('button');
	await open.focus();
	await page.keyboard.press('Enter');
	await expect(open).toHaveAttribute('aria-expanded', 'true');
	await expect(row.getByText(back, { exact: true }).first()).toBeVisible();
	const history = row.getByRole('table', { name: 'Answers to this card' });
	await expect(history.getByRole('row')).toHaveCount(2);
	await expect(history.getByRole('row').nth(1)).toContainText(/Good.*(minute|hour|day)/);
	await expect(row.locator('dt', { hasText: 'Next due' })).toBeVisible();
	await expect(row.locator('dt', { hasText: 'Stability' })).toBeVisible();

	expect(await axeInBothThemes(page)).toEqual([]);

	// A small phone at 200% text: nothing pushes the page sideways.
	await page.setViewportSize({ width: 320, height: 640 });
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	await expect(history).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

	await page.keyboard.press('Enter');
	await expect(open).toHaveAttribute('aria-expanded', 'false');
	await expect(history).toHaveCount(0);
});

test('imported cards found in the browser: one edited, one suspended, one flagged with a note', async ({
	page
}) => {
	await page.goto('/import/');
	await page.getByLabel('Choose a file').setInputFiles({
		name: 'acme.tsv',
		mimeType: 'text/tab-separated-values',
		buffer: Buffer.from(
			[
				'Front\tBack',
				'What does Acme run on?\tGo',
				'Who founded Acme?\tAda',
				'Where is Acme?\tParis'
			].join('\n')
		)
	});
	await page.getByLabel('Deck name').fill('Acme');
	await page.getByRole('button', { name: 'Add 3 cards' }).click();
	await expect(page.getByRole('link', { name: 'Study them' })).toBeVisible();

	await page.goto('/browse/');
	await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Acme' });
	await expect(page.getByTestId('browse-count')).toHaveText(/^3 of [\d,]+ cards$/);
	const cards = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) });
	const row = (front: string) => cards.getByRole('listitem').filter({ hasText: front });

	// Edited in place.
	await row('What does Acme run on?')
		.getByRole('button', { name: 'What does Acme run on?' })
		.click();
	await row('What does Acme run on?').getByRole('button', { name: 'Edit card' }).click();
	const edit = page.getByRole('form', { name: 'Edit this card' });
	await edit.getByLabel('Back').fill('Go and Postgres');
	await edit.getByRole('button', { name: 'Save card' }).click();
	await expect(page.getByText('Card saved.')).toBeVisible();
	// Focus goes back to what opened the form, not to the top of the page.
	await expect(
		row('What does Acme run on?').getByRole('button', { name: 'Edit card' })
	).toBeFocused();
	await expect(row('What does Acme run on?').getByText('Go and Postgres')).toBeVisible();

	// Flagged, with a note.
	await row('Who founded Acme?').getByLabel('Choose “Who founded Acme?”').check();
	await page.getByRole('button', { name: 'Flag', exact: true }).click();
	await expect(page.getByText('1 card flagged.')).toBeVisible();
	await row('Who founded Acme?').getByRole('button', { name: 'Who founded Acme?' }).click();
	await row('Who founded Acme?')
		.getByLabel('Your note, shown on the card’s back')
		.fill('Ada Lovelace?');
	await row('Who founded Acme?').getByRole('button', { name: 'Save note' }).click();
	await expect(row('Who founded Acme?')).toContainText('Flagged');

	// Suspended: never shown to study.
	await row('Where is Acme?').getByLabel('Choose “Where is Acme?”').check();
	await page.getByRole('button', { name: 'Suspend', exact: true }).click();
	// The change's buttons go with the choice: focus goes to what was done.
	await expect(page.getByText('1 card suspended.')).toBeFocused();
	await expect(row('Where is Acme?')).toContainText('Suspended');

	await page.goto('/study/');
	await page.locator('#study-deck-own-acme').click();
	const session = page.getByRole('region', { name: 'Study session' });
	const seen: string[] = [];
	for (let card = 0; card < 2; card++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		seen.push((await session.locator('.front').textContent())?.trim() ?? '');
		if (seen.at(-1) === 'Who founded Acme?') {
			await expect(session).toContainText('Your note: Ada Lovelace?');
		} else {
			await expect(session).toContainText('Go and Postgres');
		}
		await page.getByRole('button', { name: /^Easy/ }).click();
	}
	expect(seen.sort()).toEqual(['What does Acme run on?', 'Who founded Acme?']);
	await expect(page.getByRole('button', { name: 'Show answer' })).toHaveCount(0);
});

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

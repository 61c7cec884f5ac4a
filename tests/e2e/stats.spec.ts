import { expect, test } from '@playwright/test';

test('stats show today’s answers, cards by state, the forecast and the calendar', async ({
	page
}) => {
	await page.goto('/study/');
	await page.getByRole('button', { name: 'Study all decks' }).click();
	for (let i = 1; i <= 3; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Easy/ }).click();
		await expect(page.getByText(`${i} done`)).toBeVisible();
	}
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
	await expect(page.locator('main h1')).toHaveText('Stats');
	const tile = (name: string) =>
		page.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd[1]');
	await expect(tile('Answers today')).toHaveText('3');
	await expect(tile('Streak')).toHaveText('1 day');
	await expect(tile('Review')).toHaveText('3');
	await expect(page.getByRole('img', { name: /cards due in the next 30 days/ })).toBeVisible();
	await expect(page.getByRole('img', { name: /^3 answers on 1 of the last/ })).toBeVisible();
	await page.getByText('Show as a table').click();
	await expect(page.getByRole('row', { name: /Today/ })).toBeVisible();
});

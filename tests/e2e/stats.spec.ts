import { expect, test } from './fixtures';

// Nothing here needs the offline cache; without the service worker pages load faster.
test.use({ serviceWorkers: 'block' });

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
	await expect(tile('Flashcard answers today')).toHaveText('3');
	await expect(tile('Streak')).toHaveText('1 day');
	await expect(tile('Review')).toHaveText('3');
	await expect(page.getByRole('img', { name: /cards due in the next 30 days/ })).toBeVisible();
	await expect(page.getByRole('img', { name: /^3 answers on 1 of the last/ })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Quizzes and interviews' })).toContainText(
		'No quiz taken yet.'
	);
	await page.getByText('Show as a table').click();
	await expect(page.getByRole('row', { name: /Today/ })).toBeVisible();
});

test('stats show the best quiz score per deck', async ({ page }) => {
	await page.goto('/quiz/');
	await page.getByRole('button', { name: 'Start quiz' }).click();
	await page.getByRole('button', { name: 'End quiz' }).click();
	await page.goto('/stats/');
	// A quiz ended before any answer is not kept.
	await expect(page.getByText('No quiz taken yet.')).toBeVisible();
	await page.goto('/quiz/');
	await page.getByRole('button', { name: 'Start quiz' }).click();
	const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
	const order = quiz.getByRole('button', { name: 'Check order' });
	const matches = quiz.getByRole('button', { name: 'Check matches' });
	if (await order.isVisible()) await order.click();
	else if (await matches.isVisible()) {
		const lists = quiz.locator('ul.column');
		const count = await lists.first().getByRole('button').count();
		for (let i = 0; i < count; i++) {
			await lists.first().getByRole('button').nth(i).click();
			await lists.last().getByRole('button').nth(i).click();
		}
		await matches.click();
	} else await page.keyboard.press('1');
	await quiz.getByRole('button', { name: 'Next' }).click();
	await quiz.getByRole('button', { name: 'End quiz' }).click();
	await page.goto('/stats/');
	await expect(page.getByRole('table', { name: 'Best quiz scores' })).toContainText(
		/All decks\s*(0|100)%\s*1/
	);
});

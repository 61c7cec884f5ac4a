import { expect, test } from './fixtures';
import { answerQuestion } from './helpers';

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
	await answerQuestion(page);
	await quiz.getByRole('button', { name: 'Next' }).click();
	await quiz.getByRole('button', { name: 'End quiz' }).click();
	await page.goto('/stats/');
	await expect(page.getByRole('table', { name: 'Best quiz scores' })).toContainText(
		/All decks\s*(0|100)%\s*1/
	);
});

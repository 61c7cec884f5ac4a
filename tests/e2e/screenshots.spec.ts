import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';

// The README's pictures of the main screens on a phone. `npm run screenshots` writes them into
// tests/e2e/screenshots/; an ordinary test run takes them too (into test-results/), so the flows
// they show keep working.
const FOLDER = process.env.SCREENSHOTS
	? join(import.meta.dirname, 'screenshots')
	: join(import.meta.dirname, '../../test-results/screenshots');

test.use({ serviceWorkers: 'block' });

async function shoot(page: Page, name: string, { fromTop = true } = {}): Promise<void> {
	if (fromTop) await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({
		path: join(FOLDER, `${name}.png`),
		caret: 'hide',
		animations: 'disabled'
	});
}

test('the main screens on a phone', async ({ page }) => {
	test.setTimeout(60_000);
	await page.goto('/');
	await shoot(page, 'home');

	await page.goto('/study/');
	// The learner's counts, not the prerendered placeholders.
	await expect(page.getByRole('region', { name: 'Today' })).toContainText(/\d+ new/);
	await shoot(page, 'study-decks');
	await page.getByRole('button', { name: 'Study all decks' }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
	await shoot(page, 'study-card');

	await page.goto('/quiz/');
	await page.getByText('Quiz options').click();
	for (const kind of ['True or false', 'Put in order', 'Matching'])
		await page.getByLabel(kind).uncheck();
	await page.getByRole('button', { name: 'Start this quiz' }).click();
	await page.keyboard.press('1');
	await expect(page.getByRole('status').filter({ hasText: /Correct|Incorrect/ })).toBeVisible();
	await shoot(page, 'quiz-feedback');

	await page.goto('/interview/');
	await page.getByRole('button', { name: 'Practise the next question' }).click();
	const practice = page.getByRole('region', { name: 'Interview practice', exact: true });
	await practice.getByRole('button', { name: 'Reveal key points' }).click();
	await practice.getByRole('checkbox').first().check();
	// Show the key points being ticked rather than the top of the model answer.
	await practice
		.getByRole('checkbox')
		.first()
		.evaluate((box) => box.scrollIntoView({ block: 'center' }));
	await shoot(page, 'interview', { fromTop: false });

	await page.goto('/stats/');
	await expect(page.getByText('Flashcard answers today')).toBeVisible();
	await shoot(page, 'stats');

	await page.goto('/notes/famous-ctos/');
	await shoot(page, 'notes');
});

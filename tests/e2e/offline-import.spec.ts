import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { axeInBothThemes } from './axe';
import { expect, test } from './fixtures';
import { answerQuestion, waitForServiceWorker } from './helpers';

/**
 * Opens the Import page online once, so that it keeps the importers on the device, then goes
 * offline and opens it again.
 */
async function importOffline(page: Page, context: BrowserContext): Promise<void> {
	await page.goto('/import/');
	await waitForServiceWorker(page);
	await expect(page.getByText('The importers are kept on this device')).toBeVisible();
	await context.setOffline(true);
	await page.reload();
}

test('an Anki package (zstd, current layout) is read offline with SQLite in WebAssembly, and stored', async ({
	page,
	context
}) => {
	await importOffline(page, context);
	await page
		.getByLabel('Choose a file')
		.setInputFiles(join(import.meta.dirname, '../fixtures/apkg/anki21b.apkg'));
	await expect(page.getByLabel('Read it as')).toHaveValue('apkg');
	const preview = page.getByRole('region', { name: 'What this file gives' });
	await expect(preview).toContainText('3 cards with a front and a back, 2 cloze cards');
	await expect(preview).toContainText('What is the CAP theorem?');
	await expect(page.getByLabel('Deck name')).toHaveValue('Architecture');
	await page.getByRole('button', { name: 'Add 5 cards' }).click();
	await expect(page.getByRole('region', { name: 'Your decks' })).toContainText(
		'5 cards · from anki21b.apkg'
	);
});

test('own notes written offline: checked by line, saved as a deck, studied and quizzed', async ({
	page,
	context
}) => {
	// Online once: the Import page keeps the importers and the notes' generator on the device.
	await importOffline(page, context);

	const notes = page.getByRole('region', { name: 'Write your own notes' });
	await notes.getByRole('button', { name: 'Start from the example' }).click();
	const text = page.getByLabel('Notes', { exact: true });
	const example = await text.inputValue();
	// A mistake first: nothing is stored, and the problem is given with its line.
	await text.fill(example.replace('title: My notes\n', ''));
	await notes.getByRole('button', { name: 'Check the notes' }).click();
	const problems = notes.getByRole('alert');
	await expect(problems).toContainText(
		/The notes have 1 problem: nothing can be\s+saved until it is fixed\./
	);
	// Focus goes to the problems, to be read.
	await expect(problems).toBeFocused();
	await expect(problems).toContainText('Line 1: missing frontmatter field "title"');
	await expect(text).toHaveAttribute('aria-invalid', 'true');
	expect(await axeInBothThemes(page, 'main')).toEqual([]);

	await text.fill(example);
	await notes.getByRole('button', { name: 'Check the notes' }).click();
	const status = notes.getByRole('status');
	await expect(status).toContainText(
		/“My notes” makes 7 cards, \d+ quiz questions and 1 interview question\./
	);
	await notes.getByRole('button', { name: 'Save as a deck' }).click();
	await expect(status).toContainText('“My notes” is stored');
	const decks = page.getByRole('region', { name: 'Your decks' });
	await expect(decks).toContainText(/My notes\s*7 cards, \d+ quiz questions, 1 interview question/);

	// Studied like ours, offline, each card saying which of your notes it comes from.
	await status.getByRole('link', { name: 'Study them' }).click();
	await page.locator('#study-deck-own-my-notes').click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	const session = page.getByRole('region', { name: 'Study session' });
	await expect(session).toContainText(/From your notes: .+ \(my-notes\.md\)/);
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();

	// Quizzed from their own term list, offline too.
	await page.goto('/quiz/');
	await page.getByText('Quiz options').click();
	await page.getByLabel('Decks or topic').selectOption({ label: 'All of My notes' });
	await page.getByRole('button', { name: 'Start this quiz' }).click();
	const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
	await expect(quiz).toContainText(/Question 1 of \d+/);
	await answerQuestion(page);
	const feedback = quiz.getByRole('status').filter({ hasText: /Correct|Incorrect/ });
	await expect(feedback).toContainText(/From your notes: .+ \(my-notes\.md\)/);
});

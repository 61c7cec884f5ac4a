import { expect, test } from './fixtures';
import { answerQuestion, holdModule, waitForServiceWorker } from './helpers';

test('a ten-question quiz from one tap, offline, with feedback, a summary and review of mistakes', async ({
	page,
	context
}) => {
	await page.goto('/quiz/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.reload();

	await page.getByRole('button', { name: 'Start quiz' }).click();
	const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
	const kinds = new Set<string>();
	for (let i = 1; i <= 10; i++) {
		await expect(quiz).toContainText(`Question ${i} of 10`);
		if (await quiz.getByRole('button', { name: 'Check order' }).isVisible()) kinds.add('order');
		else if (await quiz.getByRole('button', { name: 'Check matches' }).isVisible())
			kinds.add('match');
		else kinds.add('choice');
		await answerQuestion(page);
		const feedback = quiz.getByRole('status').filter({ hasText: /Correct|Incorrect/ });
		await expect(feedback).toContainText(/^(Correct|Incorrect)/);
		await expect(feedback.getByRole('link')).toHaveAttribute('href', /^\/notes\/[a-z-]+\/#/);
		const next = quiz.getByRole('button', { name: i < 10 ? 'Next' : 'See results' });
		await expect(next).toBeFocused();
		await page.keyboard.press('Enter');
	}
	expect(kinds).toEqual(new Set(['choice', 'order', 'match']));

	const summary = page.getByRole('heading', { name: /^You scored \d+ of 10$/ });
	await expect(summary).toBeFocused();
	await expect(page.getByRole('table', { name: 'By topic' })).toBeVisible();

	// Unmoved ordering questions are always wrong, so there are mistakes to review.
	await page.getByRole('button', { name: 'Review mistakes' }).click();
	const queued = page.getByRole('status').filter({ hasText: 'first in your next' });
	await expect(queued).toContainText(/\d+ flashcards?\s+comes?\s+first in your next study session/);
	const requested = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const request = indexedDB.open('cto-prep');
			request.onsuccess = () => resolve(request.result);
		});
		const cards = await new Promise<{ id: string; requested: number | null }[]>((resolve) => {
			const request = db.transaction('cards').objectStore('cards').getAll();
			request.onsuccess = () => resolve(request.result);
		});
		db.close();
		return cards.filter((card) => card.requested !== null).map((card) => card.id);
	});
	expect(requested.length).toBeGreaterThan(0);

	// The best score is kept, and the next study session starts with the missed facts.
	await page.getByRole('button', { name: 'New quiz' }).click();
	await expect(page.getByRole('region', { name: 'Best scores' })).toContainText(
		/All decks\s*best \d+% · 1\s+attempt/
	);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Study' }).click();
	await page.getByRole('button', { name: 'Study all decks' }).click();
	const first = await page.getByTestId('study-card').getAttribute('data-card');
	expect(requested).toContain(first);
});

test('ordering works by tapping the move buttons, no dragging needed', async ({ page }) => {
	await page.goto('/quiz/');
	await page.getByText('Quiz options').click();
	await page.getByLabel('Decks or topic').selectOption({ label: 'The five-stage roadmap' });
	for (const kind of ['Multiple choice', 'True or false', 'Matching'])
		await page.getByLabel(kind).uncheck();
	await page.getByRole('button', { name: 'Start this quiz' }).click();
	const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
	await expect(quiz.getByRole('button', { name: 'Check order' })).toBeVisible();
	// Put the five stages in order with the move buttons only.
	const stages = [
		'Technical staff or programmer',
		'Team lead',
		'Project manager or head of technology',
		'Vice President of Technology',
		'CTO'
	];
	const steps = quiz.locator('ol li .text');
	const current = async () => (await steps.allTextContents()).map((text) => text.trim());
	expect([...(await current())].sort()).toEqual([...stages].sort());
	for (let target = 0; target < stages.length; target++) {
		let at = (await current()).indexOf(stages[target] ?? '');
		while (at > target) {
			await quiz.getByRole('button', { name: `Move “${stages[target]}” up` }).click();
			at -= 1;
		}
	}
	expect(await current()).toEqual(stages);
	await quiz.getByRole('button', { name: 'Check order' }).click();
	await expect(quiz.getByRole('status')).toContainText('Correct');
});

test('a tap on "Start quiz" before the quiz code has arrived starts the quiz once it has', async ({
	page
}) => {
	// Hold back the module holding the quiz screen until the tap has happened.
	const { held, release } = await holdModule(page, 'Check matches');
	await page.goto('/quiz/');
	await expect.poll(held).toBe(true);

	const start = page.getByRole('button', { name: 'Start quiz' });
	await start.focus();
	await page.keyboard.press('Enter');
	await expect(start).toHaveAttribute('aria-busy', 'true');
	release();

	const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
	await expect(quiz).toContainText('Question 1 of 10');
	await expect(quiz.getByRole('heading', { level: 2 })).toBeFocused();
});

test('focus on "Start quiz" stays on it when the quiz code arrives', async ({ page }) => {
	const { release } = await holdModule(page, 'Check matches');
	await page.goto('/quiz/');
	const start = page.getByRole('button', { name: 'Start quiz' });
	await start.focus();
	release();
	await expect(page.getByText('Quiz options')).toBeVisible();
	await expect(start).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('region', { name: 'Quiz', exact: true })).toContainText(
		'Question 1 of 10'
	);
});

test('"Start quiz" says it is busy while a first visit still downloads the decks', async ({
	page
}) => {
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/decks/index.json', async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/quiz/');
	await expect(page.getByText('Quiz options')).toBeVisible();
	const start = page.getByRole('button', { name: 'Start quiz' });
	await start.click();
	await expect(start).toHaveAttribute('aria-busy', 'true');
	release();
	await expect(page.getByRole('region', { name: 'Quiz', exact: true })).toContainText(
		'Question 1 of 10'
	);
});

test('following "From the notes" mid-quiz and coming back finds the same question, its feedback and the score', async ({
	page
}) => {
	await page.goto('/quiz/');
	await page.getByRole('button', { name: 'Start quiz' }).click();
	const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
	for (let i = 1; i <= 3; i++) {
		await expect(quiz).toContainText(`Question ${i} of 10`);
		await answerQuestion(page);
		if (i < 3) await quiz.getByRole('button', { name: 'Next' }).click();
	}
	const feedback = quiz.getByRole('status').filter({ hasText: /Correct|Incorrect/ });
	const verdict = (await feedback.textContent()) ?? '';
	const score = (await quiz.getByText(/\d+ correct/).textContent()) ?? '';
	const question = (await quiz.getByRole('heading', { level: 2 }).textContent()) ?? '';

	// The link leaves the quiz for the notes, with no question asked.
	await feedback.getByRole('link').click();
	await expect(page).toHaveURL(/\/notes\/[a-z-]+\/#/);
	await page.goBack();

	await expect(quiz).toContainText('Question 3 of 10');
	await expect(quiz.getByRole('heading', { level: 2 })).toHaveText(question);
	await expect(feedback).toHaveText(verdict);
	await expect(quiz.getByText(/\d+ correct/)).toHaveText(score);

	// A reload keeps it too, once the resumed quiz is stored again; "Next" goes on to question 4.
	await expect
		.poll(() =>
			page.evaluate(
				() =>
					new Promise<unknown>((resolve) => {
						const request = indexedDB.open('cto-prep');
						request.onsuccess = () => {
							const db = request.result;
							const get = db
								.transaction('settings')
								.objectStore('settings')
								.get('meta:session:quiz');
							get.onsuccess = () => {
								const kept = get.result?.value as { index?: number; phase?: string } | undefined;
								resolve(`${kept?.index}:${kept?.phase}`);
								db.close();
							};
						};
					})
			)
		)
		.toBe('2:feedback');
	await page.reload();
	await expect(quiz).toContainText('Question 3 of 10');
	await quiz.getByRole('button', { name: 'Next' }).click();
	await expect(quiz).toContainText('Question 4 of 10');
});

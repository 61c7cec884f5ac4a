import { expect, test } from './fixtures';
import { openOffline, practiseNextQuestion, secondsLeft } from './helpers';
import { axeInBothThemes } from './axe';

test('a mock interview with a follow-up, offline: five questions, ticking key points, a recording, a summary and history', async ({
	page,
	context
}) => {
	await openOffline(page, context, '/interview/');

	await page.getByRole('button', { name: 'Start a mock interview' }).click();
	const interview = page.getByRole('region', { name: 'Mock interview', exact: true });
	let followedUp = 0;
	for (let i = 1; i <= 5; i++) {
		await expect(interview).toContainText(`Question ${i} of 5`);
		await expect(interview.getByRole('timer')).toContainText(/[12]:\d\d left/);
		await expect(interview.getByRole('heading', { level: 2 })).toBeFocused();
		await interview.getByLabel(/Your answer/).fill(`My answer to question ${i}`);
		if (i === 1) {
			// A spoken answer, recorded on the question's clock (the fake microphone beeps).
			await interview.getByRole('button', { name: 'Record my answer' }).click();
			await expect(interview.getByRole('status').filter({ hasText: 'Recording.' })).toBeVisible();
			await interview.getByRole('button', { name: 'Stop recording' }).click();
			await expect(
				interview.getByRole('status').filter({ hasText: 'Recorded. Listen to it after' })
			).toBeVisible();
		}
		await interview.getByRole('button', { name: 'Reveal key points' }).click();
		await expect(interview.getByRole('heading', { name: 'A strong answer' })).toBeFocused();
		const points = interview.getByRole('checkbox');
		expect(await points.count()).toBeGreaterThanOrEqual(3);
		// Evidence points come last, marked; then what an interviewer may ask next.
		await expect(points.last()).toHaveAccessibleName(/^Your experience /);
		await expect(points.first()).not.toHaveAccessibleName(/^Your experience/);
		const followUps = interview.getByRole('region', { name: 'What an interviewer may ask next' });
		await expect(followUps.getByRole('listitem').first()).toContainText(/\?$/);
		await points.nth(0).check();
		await points.nth(1).check();
		await expect(interview).toContainText(/2 of \d+ covered/);
		await interview.getByRole('button', { name: 'Save score' }).click();
		await expect(interview.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
		if (i === 1) {
			// Ticked one too many: take the score back, change it, save again.
			await interview.getByRole('button', { name: 'Change score' }).click();
			await expect(interview.getByRole('heading', { name: 'A strong answer' })).toBeFocused();
			await points.nth(1).uncheck();
			await expect(interview).toContainText(/1 of \d+ covered/);
			await interview.getByRole('button', { name: 'Save score' }).click();
			await expect(interview.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
		}
		await page.keyboard.press('Enter');
		// Some questions get a follow-up, on its own shorter clock, before the next question.
		const followUp = interview.getByText(`Follow-up to question ${i} of 5`);
		const after =
			i < 5
				? interview.getByText(`Question ${i + 1} of 5`, { exact: true })
				: page.getByRole('heading', { name: 'Mock interview complete' });
		await expect(followUp.or(after)).toBeVisible();
		if (await followUp.isVisible()) {
			followedUp += 1;
			await expect(interview.getByRole('heading', { level: 2 })).toBeFocused();
			await expect(interview.getByRole('heading', { level: 2 })).toContainText(/\?$/);
			await expect(interview.getByRole('timer')).toContainText(/[01]:\d\d left/);
			// The first follow-up screen is checked for accessibility faults, in both themes.
			if (followedUp === 1) expect(await axeInBothThemes(page, 'main')).toEqual([]);
			await interview.getByLabel(/Your answer/).fill(`My follow-up answer ${i}`);
			await interview
				.getByRole('button', { name: i < 5 ? 'Next question' : 'See the summary' })
				.click();
		}
	}
	expect(followedUp).toBeGreaterThanOrEqual(1);
	expect(followedUp).toBeLessThanOrEqual(2);
	await expect(page.getByRole('heading', { name: 'Mock interview complete' })).toBeFocused();
	await expect(page.getByRole('table', { name: 'Your answers' }).getByRole('row')).toHaveCount(11);
	// The summary shows what was typed for each question.
	const answers = page.getByRole('table', { name: 'Your answers' });
	for (let i = 1; i <= 5; i++) {
		await expect(answers).toContainText(`You wrote: My answer to question ${i}`);
	}
	// The follow-up asked and its answer, the time each question took, the recording to replay,
	// and the points to work on next.
	await expect(answers.getByText('Follow-up:')).toHaveCount(followedUp);
	await expect(answers).toContainText(/You wrote: My follow-up answer \d/);
	await expect(answers.getByRole('cell', { name: /^\d+% \d+:\d\d$/ })).toHaveCount(5);
	await expect(answers.getByLabel(/^Your recorded answer to: /)).toHaveCount(1);
	await expect(page.getByRole('heading', { name: 'Work on next' })).toBeVisible();
	await expect(page.locator('.work-on').getByRole('listitem')).toHaveCount(5);

	const stored = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const request = indexedDB.open('cto-prep');
			request.onsuccess = () => resolve(request.result);
		});
		const all = <T>(store: string) =>
			new Promise<T[]>((resolve) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result as T[]);
			});
		const answers = await all<{
			item: string;
			covered: number[];
			mock: number | null;
			notes: string;
		}>('interviewAnswers');
		const reviews = await all<{ card: string; mode: string }>('reviews');
		const cards = await all<{ id: string }>('cards');
		db.close();
		return { answers, reviews, cards };
	});
	expect(stored.answers).toHaveLength(5);
	expect(new Set(stored.answers.map((answer) => answer.mock)).size).toBe(1);
	expect(stored.answers.map((answer) => answer.covered.join())).toEqual([
		'0',
		'0,1',
		'0,1',
		'0,1',
		'0,1'
	]);
	expect(stored.answers[0]?.notes).toBe('My answer to question 1');
	expect(stored.reviews.map((review) => review.mode)).toEqual(Array(5).fill('interview'));
	expect(stored.cards.map((card) => card.id).sort()).toEqual(
		stored.answers.map((answer) => answer.item).sort()
	);

	await page.getByRole('button', { name: 'Back to interview' }).click();
	await expect(page.getByRole('region', { name: 'Recent mock interviews' })).toContainText(
		'5 questions'
	);
});

test('practice starts with the next question and can stop at any time', async ({ page }) => {
	await page.goto('/interview/');
	const practice = await practiseNextQuestion(page);
	await expect(practice).toContainText('Question 1');
	await practice.getByRole('button', { name: 'Reveal key points' }).click();
	await practice.getByRole('button', { name: 'Save score' }).click();
	await expect(practice.getByRole('status')).toContainText('will come back soon');
	await practice.getByRole('button', { name: 'Stop practising' }).click();
	await expect(page.getByRole('heading', { name: 'Practice complete' })).toBeVisible();
	await expect(page.getByText('0% of key points covered over 1 question')).toBeVisible();
});

test('leaving a mock interview mid-answer and coming back keeps the question, what was typed and the clock', async ({
	page
}) => {
	await page.goto('/interview/');
	await page.getByRole('button', { name: 'Start a mock interview' }).click();
	const interview = page.getByRole('region', { name: 'Mock interview', exact: true });
	await expect(interview).toContainText('Question 1 of 5');
	const question = (await interview.getByRole('heading', { level: 2 }).textContent()) ?? '';
	await interview.getByLabel(/Your answer/).fill('First, the audit of what we run');

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
	await expect(page.locator('main h1')).toHaveText('Stats');
	await page.goBack();

	await expect(interview).toContainText('Question 1 of 5');
	await expect(interview.getByRole('heading', { level: 2 })).toHaveText(question);
	await expect(interview.getByLabel(/Your answer/)).toHaveValue('First, the audit of what we run');
	await expect(interview.getByRole('timer')).toContainText(/\d:\d\d left/);
	// The clock runs on from where it was across a reload too (kept every two seconds while it
	// runs: the write on leaving may not land before a reload ends the page), never from 2:00.
	await expect.poll(() => secondsLeft(interview)).toBeLessThanOrEqual(116);
	const before = await secondsLeft(interview);
	await page.reload();
	await expect(interview.getByLabel(/Your answer/)).toHaveValue('First, the audit of what we run');
	await expect(interview.getByRole('timer')).toContainText(/\d:\d\d left/);
	expect(await secondsLeft(interview)).toBeLessThanOrEqual(before + 2);
});

test('ending an interview with an answer not yet scored asks first; Cancel keeps it', async ({
	page
}) => {
	await page.goto('/interview/');
	await page.getByRole('button', { name: 'Start a mock interview' }).click();
	const interview = page.getByRole('region', { name: 'Mock interview', exact: true });
	await interview.getByLabel(/Your answer/).fill('We hired two staff engineers first');
	await interview.getByRole('button', { name: 'End interview' }).click();
	const dialog = page.getByRole('dialog', { name: 'End interview?' });
	await expect(dialog).toContainText(
		'Your answer to this question is not scored, and what you typed is not kept. 4 questions are not asked; the summary shows the ones you answered.'
	);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(interview.getByLabel(/Your answer/)).toHaveValue(
		'We hired two staff engineers first'
	);

	await interview.getByRole('button', { name: 'Reveal key points' }).click();
	await interview.getByRole('button', { name: 'End interview' }).click();
	await expect(dialog).toContainText('This question is not scored yet');
	await dialog.getByRole('button', { name: 'End interview' }).click();
	await expect(page.getByRole('heading', { name: 'Mock interview ended' })).toBeVisible();
});

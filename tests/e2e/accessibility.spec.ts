import type { Page } from '@playwright/test';
import { audit, checkAll } from './a11y-checks';
import { expect, test } from './fixtures';
import { waitForServiceWorker } from './helpers';
import { sitePages } from './site';

/**
 * Shows a page of the app the way following one of its links does: the document stays (and with it
 * axe, injected once, which costs more than the check itself), the page is drawn by the app's
 * router from the same components as the prerendered one.
 */
async function follow(page: Page, path: string): Promise<void> {
	await page.evaluate((path) => {
		const link = document.createElement('a');
		link.href = path;
		document.querySelector('main')?.append(link);
		link.click();
		link.remove();
	}, path);
	await page.waitForFunction((path) => location.pathname === path, path);
}

async function studyStates(page: Page, check: (state: string) => Promise<void>) {
	await page.goto('/study/');
	await page.getByRole('button', { name: 'Study all decks' }).click();
	await expect(page.locator('.question')).toBeFocused();
	await check('a card, front');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.locator('.answer')).toBeFocused();
	await check('a card, back');
	await page.getByRole('button', { name: /^Good/ }).click();
	await page.getByRole('button', { name: 'End session' }).click();
	await expect(page.getByRole('heading', { name: 'Session ended' })).toBeFocused();
	await check('a session summary');
}

type QuizKind = 'Multiple choice' | 'Put in order' | 'Matching';

/** The quiz options, then a quiz of one kind: a question, its feedback, and (after multiple choice) the summary. */
async function quizStates(
	page: Page,
	kind: QuizKind,
	check: (state: string) => Promise<void>
): Promise<void> {
	await page.goto('/quiz/');
	await page.getByText('Quiz options').click();
	if (kind === 'Multiple choice') await check('quiz options');
	for (const other of ['Multiple choice', 'True or false', 'Put in order', 'Matching']) {
		if (other !== kind) await page.getByLabel(other).uncheck();
	}
	await page.getByRole('button', { name: 'Start this quiz' }).click();
	const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
	await expect(quiz).toContainText('Question 1 of');
	await expect(quiz.getByRole('heading', { level: 2 })).toBeFocused();
	await check(`a ${kind} question`);
	if (kind === 'Multiple choice') await page.keyboard.press('1');
	else if (kind === 'Put in order') await quiz.getByRole('button', { name: 'Check order' }).click();
	else {
		const lists = quiz.locator('ul.column');
		await lists.first().getByRole('button').first().click();
		await check('a matching question with an item picked');
		const count = await lists.first().getByRole('button').count();
		await lists.last().getByRole('button').first().click();
		for (let i = 1; i < count; i++) {
			await lists.first().getByRole('button').nth(i).click();
			await lists.last().getByRole('button').nth(i).click();
		}
		await quiz.getByRole('button', { name: 'Check matches' }).click();
	}
	await expect(quiz.getByRole('status').filter({ hasText: /Correct|Incorrect/ })).toBeVisible();
	await expect(quiz.getByRole('button', { name: /^(Next|See results)$/ })).toBeFocused();
	await check(`feedback on a ${kind} question`);
	if (kind !== 'Multiple choice') return;
	await page.getByRole('button', { name: 'End quiz' }).click();
	await expect(page.getByRole('heading', { name: /You scored/ })).toBeFocused();
	await check('a quiz summary');
}

async function interviewStates(page: Page, check: (state: string) => Promise<void>) {
	await page.goto('/interview/');
	await page.getByRole('button', { name: 'Start a mock interview' }).click();
	const interview = page.getByRole('region', { name: 'Mock interview', exact: true });
	await expect(interview.getByRole('heading', { level: 2 })).toBeFocused();
	await check('an interview question');
	await interview.getByLabel(/Your answer/).fill('My answer');
	await interview.getByRole('button', { name: 'Reveal key points' }).click();
	await expect(interview.getByRole('heading', { name: 'A strong answer' })).toBeFocused();
	await interview.getByRole('checkbox').first().check();
	await check('an interview reveal');
	await interview.getByRole('button', { name: 'Save score' }).click();
	// Wait for the scored state itself: axe measuring targets while the page changes under it sees
	// boxes that move between its reading and its check.
	await expect(interview.getByRole('button', { name: 'Next question' })).toBeFocused();
	await check('a scored interview answer');
	await interview.getByRole('button', { name: 'End interview' }).click();
	// Four questions are not asked yet: ending asks first.
	const ending = page.getByRole('dialog', { name: 'End interview?' });
	await expect(ending.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await check('a confirmation to end an interview');
	await ending.getByRole('button', { name: 'End interview' }).click();
	await expect(page.getByRole('heading', { name: 'Mock interview ended' })).toBeFocused();
	await check('an interview summary');
}

// These tests need no offline cache: without the service worker each page loads faster.
test.use({ serviceWorkers: 'block' });

// A few pages a test: each test stays short (the two workers share them), and the pages of one
// test share a browser context and its cache.
const PAGES = [...sitePages(), '/no-such-page'];
const GROUPS = 5;
for (let group = 0; group < GROUPS; group++) {
	const paths = PAGES.filter((_, index) => index % GROUPS === group);
	test(`${paths.join(', ')}: axe, large touch targets, no sideways scrolling`, async ({ page }) => {
		for (const [index, path] of paths.entries()) {
			// The first page of each test is loaded as a document; an unknown address is not the router's.
			if (index === 0 || !sitePages().includes(path)) await page.goto(path);
			else await follow(page, path);
			// One h1, inside main, and the navigation to every mode.
			await expect(page.locator('h1'), path).toHaveCount(1);
			await expect(page.locator('main h1'), path).toBeVisible();
			const nav = page.getByRole('navigation', { name: 'Main' });
			for (const name of ['Study', 'Quiz', 'Interview', 'Stats', 'Settings']) {
				await expect(nav.getByRole('link', { name }), path).toBeVisible();
			}
			await checkAll(page, path);
		}
	});
}

test('study states pass every check', async ({ page }) => {
	await studyStates(page, (state) => checkAll(page, state));
});

for (const kind of ['Multiple choice', 'Put in order', 'Matching'] as const) {
	test(`quiz states pass every check: ${kind}`, async ({ page }) => {
		await quizStates(page, kind, (state) => checkAll(page, state));
	});
}

test('interview states pass every check', async ({ page }) => {
	await interviewStates(page, (state) => checkAll(page, state));
});

test.describe('with the service worker', () => {
	test.use({ serviceWorkers: 'allow' });

	test('dialogs and notices pass axe in both themes', async ({ page }) => {
		await page.goto('/');
		// The notice shows once everything is cached, however long that takes.
		await waitForServiceWorker(page);
		await expect(page.getByTestId('offline-ready')).toBeVisible();
		await checkAll(page, 'the offline-ready notice');
		await page.goto('/settings/');
		await page.getByRole('button', { name: 'Reset progress' }).click();
		await expect(page.getByRole('dialog')).toBeVisible();
		await audit(page, 'the reset dialog');
	});
});

test.describe('the card that follows a finger', () => {
	// Only a touch screen drags the card; the same style sheet serves every viewport.
	test.skip(({ isMobile }) => !isMobile, 'a phone-only behaviour');

	test.describe('with reduced motion', () => {
		test.use({ reducedMotion: 'reduce' });

		test('animations and transitions are off', async ({ page }) => {
			await page.goto('/study/');
			await page.getByRole('button', { name: 'Study all decks' }).click();
			const duration = await page
				.getByTestId('study-card')
				.evaluate((card) => parseFloat(getComputedStyle(card).transitionDuration));
			expect(duration).toBeLessThan(0.001);
		});
	});

	test('without reduced motion it moves smoothly', async ({ page }) => {
		await page.goto('/study/');
		await page.getByRole('button', { name: 'Study all decks' }).click();
		const duration = await page
			.getByTestId('study-card')
			.evaluate((card) => parseFloat(getComputedStyle(card).transitionDuration));
		expect(duration).toBeGreaterThan(0.1);
	});
});

test('keyboard alone: study, quiz and interview, with visible focus and focus that follows', async ({
	page,
	isMobile
}) => {
	// A keyboard is a desktop's (a phone's on-screen keyboard types text, it does not navigate).
	test.skip(isMobile, 'a desktop behaviour');
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	expect(await skip.evaluate((link) => getComputedStyle(link).outlineStyle)).not.toBe('none');
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();

	// Study: start, flip with Space, answer with a key, undo with Ctrl+Z.
	await page.goto('/study/');
	await page.getByRole('button', { name: 'Study all decks' }).focus();
	await page.keyboard.press('Enter');
	const question = page.locator('.question');
	await expect(question).toBeFocused();
	await page.keyboard.press('Space');
	await expect(page.locator('.answer')).toBeFocused();
	await page.keyboard.press('3');
	await expect(page.getByText('1 done')).toBeVisible();
	await expect(question).toBeFocused();
	await page.keyboard.press('Control+z');
	await expect(page.getByText('0 done')).toBeVisible();

	// Quiz: start, answer with a number, go on with Enter.
	await page.goto('/quiz/');
	await page.getByRole('button', { name: 'Start quiz' }).focus();
	await page.keyboard.press('Enter');
	const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
	await expect(quiz.getByRole('heading', { level: 2 })).toBeFocused();
	while (
		!(await quiz.getByRole('button', { name: 'Check order' }).isVisible()) &&
		!(await quiz.getByRole('button', { name: 'Check matches' }).isVisible())
	) {
		await page.keyboard.press('2');
		await expect(quiz.getByRole('button', { name: /Next|See results/ })).toBeFocused();
		await page.keyboard.press('Enter');
	}
	// Ordering and matching work from the keyboard too: Tab to a control, Enter or Space to act.
	if (await quiz.getByRole('button', { name: 'Check order' }).isVisible()) {
		await quiz
			.getByRole('button', { name: /^Move .* down$/ })
			.first()
			.focus();
		await page.keyboard.press('Enter');
		await quiz.getByRole('button', { name: 'Check order' }).focus();
		await page.keyboard.press('Enter');
	} else {
		const lists = quiz.locator('ul.column');
		const count = await lists.first().getByRole('button').count();
		for (let i = 0; i < count; i++) {
			await lists.first().getByRole('button').nth(i).focus();
			await page.keyboard.press('Enter');
			await lists.last().getByRole('button').nth(i).focus();
			await page.keyboard.press('Space');
		}
		await quiz.getByRole('button', { name: 'Check matches' }).focus();
		await page.keyboard.press('Enter');
	}
	await expect(quiz.getByRole('status').filter({ hasText: /Correct|Incorrect/ })).toBeVisible();

	// Interview: reveal, tick with Space, save, all by keyboard.
	await page.goto('/interview/');
	await page.getByRole('button', { name: 'Practise the next question' }).focus();
	await page.keyboard.press('Enter');
	const practice = page.getByRole('region', { name: 'Interview practice', exact: true });
	await expect(practice.getByRole('heading', { level: 2 })).toBeFocused();
	await practice.getByRole('button', { name: 'Reveal key points' }).focus();
	await page.keyboard.press('Enter');
	await expect(practice.getByRole('heading', { name: 'A strong answer' })).toBeFocused();
	await practice.getByRole('checkbox').first().focus();
	await page.keyboard.press('Space');
	await expect(practice.getByRole('checkbox').first()).toBeChecked();
	await practice.getByRole('button', { name: 'Save score' }).focus();
	await page.keyboard.press('Enter');
	await expect(practice.getByRole('button', { name: /Next question|Finish/ })).toBeFocused();
});

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { replayCard } from '../../src/lib/srs/scheduler';
import { State, type CardState, type Review } from '../../src/lib/srs/types';
import { fetchThrough, holdModule, waitForServiceWorker } from './helpers';

/** Reads the stores of the app's IndexedDB database from the page. */
async function stored(page: Page): Promise<{ cards: CardState[]; reviews: Review[] }> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('cto-prep');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const all = (store: string) =>
			new Promise<unknown[]>((resolve, reject) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const [cards, reviews] = await Promise.all([all('cards'), all('reviews')]);
		db.close();
		return { cards, reviews } as { cards: CardState[]; reviews: Review[] };
	});
}

async function counts(page: Page, region: string) {
	const text = (await page.getByRole('region', { name: region }).textContent()) ?? '';
	const number = (label: string) => Number(new RegExp(`(\\d+) ${label}`).exec(text)?.[1]);
	return { due: number('due'), learning: number('learning'), fresh: number('new') };
}

test('study a dozen cards offline with buttons and keys, undo one, reload: nothing is lost', async ({
	page,
	context
}) => {
	await page.goto('/study/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.reload();

	await expect(page.getByRole('region', { name: 'Today' })).toContainText('20 new');
	await page.getByRole('button', { name: 'Study all decks' }).click();
	const session = page.getByRole('region', { name: 'Study session' });

	for (let i = 1; i <= 12; i++) {
		const reveal = page.getByRole('button', { name: 'Show answer' });
		await expect(reveal).toBeVisible();
		if (i % 2 === 0) await page.keyboard.press('Space');
		else await reveal.click();
		// The answer side shows where the fact comes from.
		await expect(session.getByRole('link', { name: /./ }).last()).toHaveAttribute(
			'href',
			/^\/notes\//
		);
		const grade = i % 4 === 0 ? 'Again' : 'Good';
		const button = page.getByRole('button', { name: new RegExp(`^${grade}`) });
		await expect(button).toContainText(/\d+(m|h|d)/);
		if (i % 3 === 0) await page.keyboard.press(grade === 'Again' ? '1' : '3');
		else await button.click();
		await expect(session).toContainText(`${i} done`);
	}

	await page.keyboard.press('Control+z');
	await expect(session).toContainText('11 done');
	await expect(page.getByRole('status').filter({ hasText: 'Last answer undone.' })).toBeAttached();

	const { cards, reviews } = await stored(page);
	expect(reviews).toHaveLength(11);
	expect(reviews.every((review) => review.mode === 'review')).toBe(true);
	// Every card's stored state is exactly the replay of its reviews.
	for (const card of cards) {
		const own = reviews.filter((review) => review.card === card.id);
		expect(replayCard(card, own).state).toEqual(card);
	}

	// The reload resumes the session where it was; ending it shows the decks.
	await page.reload();
	await expect(session).toContainText('11 done');
	await page.getByRole('button', { name: 'End session' }).click();
	await page.getByRole('button', { name: 'Back to decks' }).click();
	const newCards = new Set(
		reviews
			.filter((review) => review.mode === 'review' && review.state === State.New)
			.map((review) => review.card)
	);
	// Today counts the learning cards due before the study day ends (04:00 by default): near the
	// end of the day a card's next step falls into tomorrow, whatever time the test runs at.
	const dayEnd = await page.evaluate(() => {
		const end = new Date();
		if (end.getHours() >= 4) end.setDate(end.getDate() + 1);
		end.setHours(4, 0, 0, 0);
		return end.getTime();
	});
	const learning = cards.filter(
		(card) =>
			(card.state === State.Learning || card.state === State.Relearning) && card.due < dayEnd
	);
	// The prerendered list shows placeholders until the counts are read: wait for the numbers.
	await expect
		.poll(() => counts(page, 'Today'))
		.toEqual({
			due: 0,
			learning: learning.length,
			fresh: 20 - newCards.size
		});
	expect(await stored(page)).toEqual({ cards, reviews });
});

test('a touch swipe answers: left for Again, right for Good', async ({ page }) => {
	await page.goto('/study/');
	await page.getByRole('button', { name: 'Study all decks' }).click();
	const card = page.getByTestId('study-card');
	const swipe = async (dx: number) => {
		const box = await card.boundingBox();
		const x = (box?.x ?? 0) + (box?.width ?? 0) / 2;
		const y = (box?.y ?? 0) + 40;
		const base = { pointerId: 7, pointerType: 'touch', isPrimary: true, clientY: y };
		await card.dispatchEvent('pointerdown', { ...base, clientX: x });
		await card.dispatchEvent('pointermove', { ...base, clientX: x + dx / 2 });
		await card.dispatchEvent('pointerup', { ...base, clientX: x + dx });
	};
	await page.getByRole('button', { name: 'Show answer' }).click();
	await swipe(-150);
	await expect(page.getByText('1 done')).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await swipe(150);
	await expect(page.getByText('2 done')).toBeVisible();
	const { reviews } = await stored(page);
	expect(reviews.map((review) => review.rating)).toEqual([1, 3]);
});

test('cramming leaves the schedule alone and ends with a summary', async ({ page }) => {
	await page.goto('/study/');
	await page.getByLabel('Deck or topic to cram').selectOption({ label: 'Ten influential CTOs' });
	await page.getByRole('button', { name: 'Start cramming' }).click();
	const session = page.getByRole('region', { name: 'Cram session' });
	await expect(session).toContainText('Cram: schedule unchanged');
	for (let i = 1; i <= 3; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Again/ }).click();
		await expect(session).toContainText(`${i} done`);
	}
	// Cards answered "Again" come back: three more at the end of the cram.
	const left = Number(/(\d+) left/.exec((await session.textContent()) ?? '')?.[1]);
	await page.getByRole('button', { name: 'End session' }).click();
	await expect(page.getByRole('heading', { name: 'Session ended' })).toBeFocused();
	await expect(page.getByText(`${left} cards are left in this cram.`)).toBeVisible();
	const summary = page.getByRole('region', { name: 'Session ended' });
	await expect(summary.getByRole('definition').first()).toHaveText('3');
	const { cards, reviews } = await stored(page);
	expect(cards).toEqual([]);
	expect(reviews.map((review) => review.mode)).toEqual(['cram', 'cram', 'cram']);
	await page.getByRole('button', { name: 'Back to decks' }).click();
	await expect(page.getByRole('region', { name: 'Today' })).toContainText('20 new');
});

test('the deck list is in the page as served, before any script has run', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/study/');
	const index = (await (await page.request.get('/decks/index.json')).json()) as {
		decks: { title: string }[];
	};
	expect(index.decks.length).toBeGreaterThan(1);
	for (const deck of index.decks) {
		await expect(page.getByRole('heading', { level: 3, name: deck.title })).toBeVisible();
	}
	// The counts are the learner's own: unknown until their progress is read.
	await expect(page.getByRole('region', { name: 'Today' })).toContainText('… due');
	await context.close();
});

test('a tap on "Study all decks" before the study code has arrived starts the session once it has', async ({
	page
}) => {
	const { held, release } = await holdModule(page, 'Show answer');
	await page.goto('/study/');
	await expect.poll(held).toBe(true);

	const start = page.getByRole('button', { name: 'Study all decks' });
	await start.focus();
	await page.keyboard.press('Enter');
	await expect(start).toHaveAttribute('aria-busy', 'true');
	release();

	await expect(page.getByTestId('study-card')).toBeVisible();
	await expect(page.locator('.question')).toBeFocused();
});

test('focus and the cram choice stay put while the counts arrive; then they are numbers', async ({
	page
}) => {
	const { held, release } = await holdModule(page, 'Show answer');
	await page.goto('/study/');
	await expect.poll(held).toBe(true);
	const today = page.getByRole('region', { name: 'Today' });
	await expect(today).toContainText('… due');

	await page.getByLabel('Deck or topic to cram').selectOption({ label: 'The five-stage roadmap' });
	const deckButton = page.getByRole('button', { name: /^Study / }).first();
	await deckButton.focus();
	release();

	await expect(today).toContainText(/\d+ new/);
	await expect(today).not.toContainText('…');
	await expect(deckButton).toBeFocused();
	await expect(page.getByLabel('Deck or topic to cram').locator('option:checked')).toHaveText(
		'The five-stage roadmap'
	);
});

test('a start tapped on a page that is left before the study code arrives is forgotten', async ({
	page
}) => {
	const { held, release } = await holdModule(page, 'Show answer');
	await page.goto('/study/');
	await expect.poll(held).toBe(true);
	await page.getByRole('button', { name: 'Study all decks' }).click();
	// Away before the cards were counted, then back: no session starts by itself.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
	release();
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Study' }).click();
	const today = page.getByRole('region', { name: 'Today' });
	await expect(today).toContainText(/\d+ new/);
	await expect(page.getByRole('button', { name: 'Study all decks' })).not.toHaveAttribute(
		'aria-busy',
		'true'
	);
	await expect(page.getByTestId('study-card')).toHaveCount(0);
});

test('when the study code cannot be loaded, the page says so and keeps no tap', async ({
	page
}) => {
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await fetchThrough(route);
		const body = await response.text();
		// The study screen's own chunk fails, as on a flaky network before the app is cached.
		if (body.includes('Show answer')) await route.abort('failed');
		else await route.fulfill({ response, body });
	});
	await page.goto('/study/');
	await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
	// No picker left counting for ever, taking taps that nothing will act on.
	await expect(page.getByRole('button', { name: 'Study all decks' })).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'Today' })).toHaveCount(0);
	// Chunks still in flight (the service worker precaching) must not outlive the test's route.
	await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('one deck uses its own new cards: the others still offer theirs, "study more" goes on, and the next day brings ten again', async ({
	page
}) => {
	const morning = new Date(2026, 10, 23, 9, 0);
	await page.clock.setFixedTime(morning);
	await page.goto('/study/');
	const deck = page.getByRole('listitem').filter({ hasText: 'The CTO role' });
	await expect(deck).toContainText('10 of 10 new left today');
	await page.getByRole('button', { name: 'Study The CTO role' }).click();
	const session = page.getByRole('region', { name: 'Study session' });
	const shown: string[] = [];
	for (let i = 1; i <= 10; i++) {
		shown.push((await page.getByTestId('study-card').getAttribute('data-card')) ?? '');
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Easy/ }).click();
		await expect(session).toContainText(`${i} done`);
	}
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeFocused();
	// No two of the day's cards come from one sentence of the notes (the deck's first sentences
	// make up to three cloze cards each) or from one fact.
	const items: { id: string; kind: string; fact: string; source: { line: number } }[] =
		await page.evaluate(async () => (await (await fetch('/decks/cto-role.json')).json()).items);
	const byId = new Map(items.map((item) => [item.id, item]));
	const lines = shown.map((id) => byId.get(id)?.source.line);
	const facts = shown.map((id) => byId.get(id)?.fact);
	expect(new Set(lines).size).toBe(10);
	expect(new Set(facts).size).toBe(10);
	const perLine = new Map<number, number>();
	for (const { kind, source } of items) {
		if (kind === 'cloze') perLine.set(source.line, (perLine.get(source.line) ?? 0) + 1);
	}
	expect(Math.max(...perLine.values())).toBeGreaterThanOrEqual(3);
	await page.getByRole('button', { name: 'Back to decks' }).click();

	await expect(deck).toContainText('0 of 10 new left today');
	await expect(page.getByRole('button', { name: 'Study The CTO role' })).toBeDisabled();
	const other = page.getByRole('listitem').filter({ hasText: 'The path to CTO' });
	await expect(other).toContainText('10 new');
	await expect(page.getByRole('button', { name: 'Study The path to CTO' })).toBeEnabled();
	await expect(page.getByRole('region', { name: 'Today' })).toContainText(
		'10 of 20 new left today'
	);

	// "Study more today" past the deck's limit: a real session of ten more new cards.
	await page.getByRole('button', { name: 'Study 10 more new cards of The CTO role today' }).click();
	await expect(session).toContainText('10 left');
	await page.getByRole('button', { name: 'End session' }).click();
	await page.getByRole('button', { name: 'Back to decks' }).click();

	// The next study day: ten new cards again in the deck.
	await page.clock.setFixedTime(new Date(2026, 10, 24, 9, 0));
	await page.reload();
	await expect(deck).toContainText('10 of 10 new left today');
	await expect(page.getByRole('button', { name: 'Study The CTO role' })).toBeEnabled();
});

test('a reload mid-study continues with the same card, progress and summary', async ({ page }) => {
	await page.goto('/study/');
	await page.getByRole('button', { name: 'Study all decks' }).click();
	const session = page.getByRole('region', { name: 'Study session' });
	for (let i = 1; i <= 4; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: i === 2 ? /^Again/ : /^Good/ }).click();
		await expect(session).toContainText(`${i} done`);
	}
	await page.getByRole('button', { name: 'Show answer' }).click();
	const card = await page.getByTestId('study-card').getAttribute('data-card');
	const left = /(\d+) left/.exec((await session.textContent()) ?? '')?.[1];

	await page.reload();
	await expect(session).toContainText('4 done');
	await expect(session).toContainText(`${left} left`);
	await expect(page.getByTestId('study-card')).toHaveAttribute('data-card', card ?? '');
	// The answer side was showing: it still is. Space answers Good, as in Anki.
	await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
	await page.keyboard.press('Space');
	await expect(session).toContainText('5 done');
	await page.getByRole('button', { name: 'End session' }).click();
	const summary = page.getByRole('region', { name: 'Session ended' });
	await expect(summary).toContainText(/Cards\s*5\s*Answers\s*5\s*Accuracy\s*80%/);

	// The summary stays until the next session starts.
	await page.goto('/stats/');
	await page.goto('/study/');
	await expect(summary).toContainText(/Accuracy\s*80%/);
	await page.getByRole('button', { name: 'Back to decks' }).click();
	await expect(page.getByRole('button', { name: 'Study all decks' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('button', { name: 'Study all decks' })).toBeVisible();
	await expect(summary).toHaveCount(0);
});

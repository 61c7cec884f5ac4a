import { expect, test } from './fixtures';
import { waitForServiceWorker } from './helpers';

declare global {
	interface Window {
		spoken: string[];
	}
}

/** Replaces the browser's speech synthesis with one that records what it would say, in order. */
function stubSpeech() {
	window.spoken = [];
	class Utterance {
		text: string;
		lang = '';
		onend: (() => void) | null = null;
		onerror: ((event: { error: string }) => void) | null = null;
		constructor(text: string) {
			this.text = text;
		}
	}
	let current: Utterance | null = null;
	const synthesis = {
		speak(utterance: Utterance) {
			current = utterance;
			window.spoken.push(utterance.text);
			setTimeout(() => {
				if (current === utterance) utterance.onend?.();
			}, 20);
		},
		cancel() {
			const cancelled = current;
			current = null;
			cancelled?.onerror?.({ error: 'interrupted' });
		},
		pause() {},
		resume() {},
		getVoices: () => []
	};
	Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
	Object.defineProperty(window, 'SpeechSynthesisUtterance', {
		value: Utterance,
		configurable: true
	});
}

test('Listen reads a deck aloud, offline: prompt, pause, answer, next, with pause and skip', async ({
	page,
	context,
	request
}) => {
	const deck = await (await request.get('/decks/famous-ctos.json')).json();

	await page.addInitScript(stubSpeech);
	await page.goto('/listen/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.reload();

	await page.getByLabel('Deck or topic').selectOption({ label: 'Ten influential CTOs' });
	await page.getByLabel('Pause before the answer (seconds)').fill('0');
	await page.getByLabel('Pause before the answer (seconds)').dispatchEvent('change');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByRole('heading', { name: /^Card \d+ of \d+$/ })).toBeVisible();
	await expect.poll(() => page.evaluate(() => window.spoken.length)).toBeGreaterThanOrEqual(4);

	// What was said is each card's prompt and then its answer, in deck order.
	const topicCards = (
		deck.items as {
			kind: string;
			topic: string;
			front: string;
			back: string;
			text: string;
			answer: string;
		}[]
	).filter(
		(item) =>
			item.topic === 'ten-influential-ctos' && ['basic', 'reverse', 'cloze'].includes(item.kind)
	);
	const expected = topicCards.flatMap((item) =>
		item.kind === 'cloze'
			? [item.text.replace('[…]', 'blank'), item.answer]
			: [item.front, item.back]
	);
	const said = await page.evaluate(() => window.spoken.slice(0, 4));
	expect(said).toEqual(expected.slice(0, 4));

	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByText('Paused')).toBeVisible();
	const paused = await page.evaluate(() => window.spoken.length);
	await page.waitForTimeout(300);
	expect(await page.evaluate(() => window.spoken.length)).toBe(paused);
	await page.getByRole('button', { name: 'Skip' }).click();
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect.poll(() => page.evaluate(() => window.spoken.length)).toBeGreaterThan(paused);

	// Listening never touched the study schedule.
	const stored = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const open = indexedDB.open('cto-prep');
			open.onsuccess = () => resolve(open.result);
		});
		const count = await new Promise<number>((resolve) => {
			const req = db.transaction('reviews').objectStore('reviews').count();
			req.onsuccess = () => resolve(req.result);
		});
		db.close();
		return count;
	});
	expect(stored).toBe(0);
});

test('where the browser cannot speak, Listen says so plainly', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
	});
	await page.goto('/listen/');
	await expect(
		page.getByRole('status').filter({ hasText: 'This browser cannot read aloud' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Play' })).toHaveCount(0);
});

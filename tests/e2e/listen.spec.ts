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
		onstart: (() => void) | null = null;
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
			utterance.onstart?.();
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
		getVoices: () => [{ name: 'Test voice', lang: 'en' }],
		addEventListener() {},
		removeEventListener() {}
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

test('where the device has no voice, Listen says so and Play is off', async ({ page }) => {
	await page.addInitScript(stubSpeech);
	// A browser with speech synthesis but no voice, now or later.
	await page.addInitScript(() => {
		Object.assign(window.speechSynthesis, { getVoices: () => [] });
	});
	await page.goto('/listen/');
	await expect(
		page.getByRole('status').filter({ hasText: 'This device has no voice to read aloud with' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
});

test('a voice that never starts speaking stops with a message, not "Reading" for ever', async ({
	page
}) => {
	await page.clock.install();
	await page.addInitScript(stubSpeech);
	// The device's speech service takes the text and never starts (nor ends) it.
	await page.addInitScript(() => {
		Object.assign(window.speechSynthesis, {
			speak: (utterance: { text: string }) => window.spoken.push(utterance.text)
		});
	});
	await page.goto('/listen/');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByRole('heading', { name: /^Card 1 of \d+$/ })).toBeVisible();
	await expect(page.getByText('Reading', { exact: true })).toBeVisible();
	await expect.poll(() => page.evaluate(() => window.spoken.length)).toBe(1);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.clock.fastForward(10_000);
	await expect(page.getByRole('alert')).toHaveText(
		'Your device did not start reading aloud. Check that a text-to-speech voice is installed and the sound is on, then press Play again.'
	);
	await expect(page.getByText('Paused')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
});

import { vi } from 'vitest';
import 'fake-indexeddb/auto';
import { deckIndex } from '$lib/content/deck';
import { deckOf } from '$lib/content/ids';
import type { Deck } from '$lib/content/types';
import { app } from '$lib/state/app.svelte';
import { recordAnswer } from '$lib/state/answers';
import type { FetchJson } from '$lib/state/deck-sync';
import type { PageModel } from '$lib/state/page.svelte';
import { Rating } from '$lib/srs/types';
import type { StudyDatabase } from '$lib/storage/db';
import { deckFrom, PROSE, QUESTION, SEQUENCE, TABLE, TERMS } from '../content/notes';

/** The decks the page-model tests study: every structure the notes have. */
export const DECK: Deck = deckFrom([TERMS, TABLE, SEQUENCE, PROSE, QUESTION].join('\n'));

/** A site that publishes `decks`, as the app fetches it. */
export function site(decks: readonly Deck[] = [DECK]): FetchJson {
	const files = new Map<string, unknown>([['/decks/index.json', deckIndex(decks)]]);
	for (const deck of decks) files.set(deck.url, deck);
	return async (url) => {
		if (!files.has(url)) throw new Error(`404 ${url}`);
		return structuredClone(files.get(url));
	};
}

/** A fresh device: no stored data, the app root reading decks from `site`. */
export async function freshDevice(fetch: FetchJson = site()): Promise<void> {
	await app.reset(fetch);
	await new Promise<void>((resolve, reject) => {
		const request = indexedDB.deleteDatabase('cto-prep');
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error);
		request.onblocked = () => resolve();
	});
}

/** Mounts a page model as its page does, and waits for its first load. */
export async function mounted<T extends PageModel>(
	model: T
): Promise<{ page: T; leave: () => void }> {
	const leave = model.mount();
	await until(() => !model.loading);
	return { page: model, leave };
}

/**
 * How long a wait for the models may take: a limit, not a wait. Generous, so that a machine busy
 * with something else (the type check and the linter run beside these tests) fails nothing.
 */
const LIMIT = 10_000;

/** Retries a check until it passes (within `LIMIT`), as `vi.waitFor`; returns what it returned. */
export function settled<T>(check: () => T | Promise<T>): Promise<T> {
	return vi.waitFor(check, { timeout: LIMIT, interval: 5 });
}

/** Waits for a condition the models reach on their own (an IndexedDB round trip or a few). */
export async function until(condition: () => boolean, what = 'the condition'): Promise<void> {
	// vi.waitFor moves a faked clock on by its interval before each check; it is put back at once
	// (the check runs straight after), so a test's fixed time stays fixed while the models run.
	const fixed = vi.isFakeTimers() ? Date.now() : null;
	await vi.waitFor(
		() => {
			if (fixed !== null) vi.setSystemTime(fixed);
			if (!condition()) throw new Error(`Timed out waiting for ${what}`);
		},
		{ timeout: LIMIT, interval: 2 }
	);
}

/** A flashcard answered Good at `now`, as a study session stores it (history to keep). */
export async function answeredGood(db: StudyDatabase, id: string, now: number): Promise<void> {
	await recordAnswer(db, {
		card: { id, deck: deckOf(id) },
		grade: Rating.Good,
		mode: 'review',
		now,
		durationMs: 1000,
		params: { retention: 0.9, fuzz: false }
	});
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuizItem } from '$lib/content/types';
import { loadQuizAttempts } from '$lib/storage/history';
import { QuizSession } from '$lib/state/quiz.svelte';
import { freshDB } from '../storage/db';
import { deckFrom, TERMS } from '../content/notes';

const NOW = Date.UTC(2026, 10, 23, 9, 0);

afterEach(() => {
	vi.restoreAllMocks();
});

function questions(): QuizItem[] {
	const deck = deckFrom(TERMS);
	return deck.items.filter((item): item is QuizItem => item.kind === 'truefalse').slice(0, 2);
}

describe('a quiz whose attempt cannot be saved', () => {
	it('says so in words a person can act on, keeps the score on screen, and saves on a retry', async () => {
		const db = await freshDB();
		const list = questions();
		expect(list.length).toBeGreaterThan(0);
		const session = new QuizSession(db, list, { kinds: ['truefalse'], length: 10 }, () => NOW);
		for (let asked = 0; asked < list.length; asked++) {
			session.respond({ kind: 'choice', choice: 0 });
			// The disk is full when the last answer ends the quiz.
			if (session.index === list.length - 1) {
				vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
					throw new DOMException('The disk is full', 'QuotaExceededError');
				});
			}
			await session.next();
		}
		expect(session.phase).toBe('done');
		expect(session.saved).toBe('failed');
		expect(session.saveError).toBe(
			'This score was not kept in your history. Your device is out of storage space, so this was not saved. Nothing already saved was changed. Free some space and try again.'
		);
		expect(await loadQuizAttempts(db)).toEqual([]);

		vi.restoreAllMocks();
		await session.saveAttempt();
		expect(session.saved).toBe('saved');
		expect(session.saveError).toBeNull();
		const [attempt] = await loadQuizAttempts(db);
		expect(attempt).toMatchObject({ total: list.length, correct: session.correct });
		// A second save keeps no second copy.
		await session.saveAttempt();
		expect(await loadQuizAttempts(db)).toHaveLength(1);
	});
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCardItem, type QuizItem } from '$lib/content/types';
import { cardsToReview } from '$lib/quiz/quiz';
import { recordAnswer } from '$lib/state/answers';
import { app } from '$lib/state/app.svelte';
import { QuizSession } from '$lib/state/quiz.svelte';
import { Rating } from '$lib/srs/types';
import { DECK, freshDevice } from './site';

/** A fixed day, mid-morning: "today" and "tomorrow" mean the same on every run. */
const NOW = new Date(2026, 10, 23, 10, 0);

beforeEach(async () => {
	// Only the date is fixed: IndexedDB's own timers keep running.
	vi.useFakeTimers({ toFake: ['Date'], now: NOW });
	await freshDevice();
});

afterEach(() => {
	vi.useRealTimers();
});

/** A quiz of one question, answered wrong, ended: its flashcards are the mistakes to review. */
async function missed(question: QuizItem): Promise<QuizSession> {
	const quiz = new QuizSession(await app.ready(), [question], {
		kinds: [question.kind],
		length: 10
	});
	const wrong = question.kind === 'truefalse' ? 1 - Number(question.answer) : -1;
	quiz.respond({ kind: 'choice', choice: wrong });
	await quiz.finish();
	return quiz;
}

describe('"Review mistakes" after a quiz', () => {
	const question = DECK.items.find(
		(item): item is QuizItem & { kind: 'truefalse' } => item.kind === 'truefalse'
	)!;
	const cards = DECK.items.filter(isCardItem);
	const taught = cards.find((card) => question.cards.includes(card.id))!;
	const sibling = cards.find((card) => card.fact === taught.fact && card.id !== taught.id);

	it('counts the flashcards that come first in the next study session', async () => {
		const quiz = await missed(question);
		expect(await quiz.reviewMistakes()).toBeGreaterThan(0);
		expect(quiz.reviewLater).toBe(0);
	});

	it('counts apart those a card of the same fact, answered today, holds back to tomorrow', async () => {
		expect(sibling).toBeDefined();
		await recordAnswer(await app.ready(), {
			card: { id: sibling!.id, deck: DECK.id },
			grade: Rating.Good,
			mode: 'review',
			now: NOW.getTime(),
			durationMs: 5000,
			params: { retention: 0.9, fuzz: false }
		});
		const quiz = await missed(question);
		const first = await quiz.reviewMistakes();
		expect(quiz.reviewLater).toBeGreaterThan(0);
		expect(first + quiz.reviewLater).toBe(cardsToReview([question], app.decks).length);
		expect(quiz.snapshot?.reviewLater).toBe(quiz.reviewLater);
	});
});

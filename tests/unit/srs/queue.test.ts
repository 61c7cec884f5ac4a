import { describe, expect, it } from 'vitest';
import {
	afterAnswer,
	buildQueue,
	LEARN_AHEAD_MS,
	newCardsLeft,
	nextCard,
	nothingStudied,
	queueCounts,
	siblingKeysById,
	studiedToday,
	type StudyCard
} from '$lib/srs/queue';
import { newCardState } from '$lib/srs/scheduler';
import { State, type CardState, type Review } from '$lib/srs/types';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const DAY_END = Date.UTC(2026, 10, 24, 4, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const LIMITS = { newPerDay: 20, newPerDeck: 20, reviewsPerDay: 200 };
const NOTHING_TODAY = nothingStudied();

/** A card of deck `deck`; each fact has its own sentence unless one is given. */
function card(fact: string, kind = 'basic', sentence = fact, deck = 'd'): StudyCard {
	const factId = `${deck}/t/${fact}`;
	return { id: `${factId}/${kind}`, deck, fact: factId, sentence: `${deck}/t.md:${sentence}` };
}

function stateOf(
	study: StudyCard,
	state: State,
	due: number,
	extra: Partial<CardState> = {}
): CardState {
	return { ...newCardState(study.id, study.deck, NOW - 30 * DAY), state, due, reps: 3, ...extra };
}

describe('the study queue', () => {
	it('puts due reviews first (most overdue first), then learning when due, then new cards', () => {
		const [a, b, c, d, e] = [card('a'), card('b'), card('c'), card('d'), card('e')] as const;
		const states = new Map([
			[a.id, stateOf(a, State.Review, NOW - DAY)],
			[b.id, stateOf(b, State.Review, NOW - 3 * DAY)],
			[c.id, stateOf(c, State.Learning, NOW - MINUTE)],
			[d.id, stateOf(d, State.Review, NOW + 30 * DAY)]
		]);
		const queue = buildQueue([a, b, c, d, e], states, NOTHING_TODAY, LIMITS, DAY_END);
		expect(queue.reviews.map((state) => state.id)).toEqual([b.id, a.id]);
		expect(queue.learning.map((state) => state.id)).toEqual([c.id]);
		expect(queue.fresh.map((study) => study.id)).toEqual([e.id]);
		expect(queueCounts(queue)).toEqual({ due: 2, learning: 1, fresh: 1 });

		const order: string[] = [];
		let current = queue;
		for (let step = 0; step < 4; step++) {
			const next = nextCard(current, NOW);
			if (next.kind !== 'card') break;
			order.push(next.id);
			const answered = states.get(next.id) ?? newCardState(next.id, 'd', NOW);
			current = afterAnswer(
				current,
				{ ...answered, state: State.Review, due: NOW + 5 * DAY },
				DAY_END
			);
		}
		expect(order).toEqual([b.id, a.id, c.id, e.id]);
		expect(nextCard(current, NOW)).toEqual({ kind: 'done' });
	});

	it('counts a review due later today as due today', () => {
		const a = card('a');
		const states = new Map([[a.id, stateOf(a, State.Review, NOW + 5 * 60 * MINUTE)]]);
		expect(buildQueue([a], states, NOTHING_TODAY, LIMITS, DAY_END).reviews).toHaveLength(1);
		const tomorrow = new Map([[a.id, stateOf(a, State.Review, DAY_END + MINUTE)]]);
		expect(buildQueue([a], tomorrow, NOTHING_TODAY, LIMITS, DAY_END).reviews).toHaveLength(0);
	});

	it('introduces new cards up to the daily limit, counting those started earlier today', () => {
		const cards = Array.from({ length: 30 }, (_, i) => card(`f${i}`));
		const fresh = (today = NOTHING_TODAY) =>
			buildQueue(cards, new Map(), today, LIMITS, DAY_END).fresh.length;
		expect(fresh()).toBe(20);
		expect(fresh({ ...NOTHING_TODAY, newCards: 15 })).toBe(5);
		expect(fresh({ ...NOTHING_TODAY, newCards: 25 })).toBe(0);
	});

	it('caps reviews by the daily review limit', () => {
		const cards = Array.from({ length: 10 }, (_, i) => card(`f${i}`));
		const states = new Map(
			cards.map((study, i) => [study.id, stateOf(study, State.Review, NOW - i * MINUTE)])
		);
		const queue = buildQueue(
			cards,
			states,
			{ ...NOTHING_TODAY, reviews: 4 },
			{ ...LIMITS, reviewsPerDay: 7 },
			DAY_END
		);
		expect(queue.reviews).toHaveLength(3);
		// The most overdue come first.
		expect(queue.reviews[0]?.id).toBe(cards[9]?.id);
	});

	it('never shows two cards of one fact on the same day', () => {
		const basic = card('x', 'basic');
		const reverse = card('x', 'reverse');
		const other = card('y', 'basic');
		const first = buildQueue([basic, reverse, other], new Map(), NOTHING_TODAY, LIMITS, DAY_END);
		expect(first.fresh.map((study) => study.id)).toEqual([basic.id, other.id]);

		// The fact was studied earlier today: its sibling waits until tomorrow, even when due.
		const states = new Map([[reverse.id, stateOf(reverse, State.Review, NOW - DAY)]]);
		const today = studiedToday(
			[{ card: basic.id, deck: 'd', mode: 'review', state: State.New } as Review],
			siblingKeysById([basic, reverse, other])
		);
		const later = buildQueue([basic, reverse, other], states, today, LIMITS, DAY_END);
		expect(later.reviews).toHaveLength(0);
		expect(later.fresh.map((study) => study.id)).toEqual([other.id]);
	});

	it('keeps retired cards out and shows requested cards first', () => {
		const [a, b, c] = [card('a'), card('b'), card('c')] as const;
		const states = new Map([
			[a.id, stateOf(a, State.Review, NOW - DAY, { retired: true })],
			[b.id, stateOf(b, State.Review, NOW - DAY)],
			[c.id, stateOf(c, State.Review, NOW + 9 * DAY, { requested: NOW - MINUTE })]
		]);
		const queue = buildQueue([a, b, c], states, NOTHING_TODAY, LIMITS, DAY_END);
		expect(queue.requested.map((study) => study.id)).toEqual([c.id]);
		expect(queue.reviews.map((state) => state.id)).toEqual([b.id]);
		expect(nextCard(queue, NOW)).toEqual({ kind: 'card', id: c.id });
	});

	it('brings a card answered "Again" back when it is due, and waits for learning cards', () => {
		const a = card('a');
		const start = buildQueue([a], new Map(), NOTHING_TODAY, LIMITS, DAY_END);
		const again = { ...newCardState(a.id, 'd', NOW), state: State.Learning, due: NOW + MINUTE };
		const after = afterAnswer(start, again, DAY_END);
		expect(after.fresh).toHaveLength(0);
		expect(after.learning.map((state) => state.id)).toEqual([a.id]);
		// Nothing else is left, so the card is shown early (within the learn-ahead window).
		expect(nextCard(after, NOW)).toEqual({ kind: 'card', id: a.id });
		const later = afterAnswer(start, { ...again, due: NOW + LEARN_AHEAD_MS + MINUTE }, DAY_END);
		expect(nextCard(later, NOW)).toEqual({ kind: 'wait', until: NOW + LEARN_AHEAD_MS + MINUTE });
	});

	it('tallies today from scheduled reviews only', () => {
		const review = (cardId: string, state: State, mode: 'review' | 'cram' = 'review') =>
			({ card: cardId, deck: 'd', rating: 3, time: NOW, durationMs: 1000, mode, state }) as Review;
		const today = studiedToday(
			[
				review('d/t/a/basic', State.New),
				review('d/t/b/basic', State.Review),
				review('d/t/c/basic', State.Learning),
				review('d/t/e/basic', State.New, 'cram')
			],
			siblingKeysById([card('a'), card('b'), card('c', 'basic', 'shared')])
		);
		expect(today.newCards).toBe(1);
		expect(today.newByDeck).toEqual(new Map([['d', 1]]));
		expect(today.reviews).toBe(1);
		expect([...today.siblings].sort()).toEqual([
			'fact:d/t/a',
			'fact:d/t/b',
			'fact:d/t/c',
			'sentence:d/t.md:a',
			'sentence:d/t.md:b',
			'sentence:d/t.md:shared'
		]);
	});

	it('never shows two cards cut from one sentence on the same day', () => {
		// Three cloze cards of three facts, all cut from one sentence, and a card of another sentence.
		const [x, y, z] = [
			card('x', 'cloze', 's1'),
			card('y', 'cloze', 's1'),
			card('z', 'cloze', 's1')
		];
		const other = card('w', 'cloze', 's2');
		const all = [x, y, z, other];
		const first = buildQueue(all, new Map(), NOTHING_TODAY, LIMITS, DAY_END);
		expect(first.fresh.map((study) => study.id)).toEqual([x.id, other.id]);

		// y was studied yesterday and is due now; x was answered today: y waits, z stays new.
		const states = new Map([[y.id, stateOf(y, State.Review, NOW - DAY)]]);
		const today = studiedToday(
			[{ card: x.id, deck: 'd', mode: 'review', state: State.New } as Review],
			siblingKeysById(all)
		);
		const later = buildQueue(all, states, today, LIMITS, DAY_END);
		expect(later.reviews).toHaveLength(0);
		expect(later.fresh.map((study) => study.id)).toEqual([other.id]);

		// A card of the sentence being learned (answered "Again" today) keeps its siblings away too.
		const learning = new Map([[z.id, stateOf(z, State.Learning, NOW + MINUTE)]]);
		const withLearning = buildQueue(all, learning, NOTHING_TODAY, LIMITS, DAY_END);
		expect(withLearning.fresh.map((study) => study.id)).toEqual([other.id]);
	});
});

describe('daily new-card limits', () => {
	const limits = { newPerDay: 20, newPerDeck: 10, reviewsPerDay: 200 };
	const deck = (name: string, count: number) =>
		Array.from({ length: count }, (_, i) => card(`${name}${i}`, 'basic', `${name}${i}`, name));
	const answeredNew = (cards: readonly StudyCard[]) =>
		studiedToday(
			cards.map(
				(study) =>
					({ card: study.id, deck: study.deck, mode: 'review', state: State.New }) as Review
			),
			siblingKeysById(cards)
		);

	it('takes at most a deck’s limit from one deck, and the day’s from all decks together', () => {
		const [a, b, c] = [deck('a', 30), deck('b', 30), deck('c', 30)];
		const fresh = buildQueue([...a, ...b, ...c], new Map(), NOTHING_TODAY, limits, DAY_END).fresh;
		expect(fresh.filter((study) => study.deck === 'a')).toHaveLength(10);
		expect(fresh.filter((study) => study.deck === 'b')).toHaveLength(10);
		expect(fresh.filter((study) => study.deck === 'c')).toHaveLength(0);
		expect(newCardsLeft(limits, NOTHING_TODAY)).toBe(20);
		expect(newCardsLeft(limits, NOTHING_TODAY, 'a')).toBe(10);
	});

	it('leaves the other decks their new cards when one deck used its own', () => {
		const [a, b] = [deck('a', 30), deck('b', 30)];
		const today = answeredNew(a.slice(0, 10));
		expect(newCardsLeft(limits, today, 'a')).toBe(0);
		expect(newCardsLeft(limits, today, 'b')).toBe(10);
		expect(newCardsLeft(limits, today)).toBe(10);
		expect(buildQueue(a, new Map(), today, limits, DAY_END).fresh).toHaveLength(0);
		expect(buildQueue(b, new Map(), today, limits, DAY_END).fresh).toHaveLength(10);
	});

	it('stops every deck once the day’s limit is used', () => {
		const [a, b, c] = [deck('a', 30), deck('b', 30), deck('c', 30)];
		const today = answeredNew([...a.slice(0, 10), ...b.slice(0, 10)]);
		expect(newCardsLeft(limits, today, 'c')).toBe(0);
		expect(buildQueue(c, new Map(), today, limits, DAY_END).fresh).toHaveLength(0);
	});

	it('lets "study more today" add new cards of one deck past both limits, and of that deck only', () => {
		const [a, b] = [deck('a', 30), deck('b', 30)];
		const today = answeredNew([...a.slice(0, 10), ...b.slice(0, 10)]);
		const more = { ...limits, extraNew: { a: 5 } };
		expect(newCardsLeft(more, today, 'a')).toBe(5);
		expect(newCardsLeft(more, today, 'b')).toBe(0);
		const fresh = buildQueue([...a, ...b], new Map(), today, more, DAY_END).fresh;
		expect(fresh.map((study) => study.deck)).toEqual(['a', 'a', 'a', 'a', 'a']);
		// The cards answered today keep their facts for today: the next five are taken.
		expect(fresh[0]?.id).toBe(a[10]?.id);
		// Once taken, the extra cards were a's own: b's day is not used up by them.
		const after = answeredNew([...a.slice(0, 15), ...b.slice(0, 5)]);
		expect(newCardsLeft(more, after, 'a')).toBe(0);
		expect(newCardsLeft(more, after, 'b')).toBe(5);
		expect(newCardsLeft(more, after)).toBe(5);
	});
});

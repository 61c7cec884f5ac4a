import type { QueueCounts } from './counts';
import { State, type CardState, type Review } from './types';

/** A flashcard of a current deck, in study order. */
export interface StudyCard {
	id: string;
	deck: string;
	fact: string;
}

/** Daily limits, from the settings. */
export interface DailyLimits {
	newPerDay: number;
	reviewsPerDay: number;
}

/** What was already studied today (scheduled answers only; cram does not count). */
export interface StudiedToday {
	/** New cards answered for the first time today. */
	newCards: number;
	/** Review cards answered today. */
	reviews: number;
	/** Facts answered today: their sibling cards wait until tomorrow. */
	facts: Set<string>;
}

/** The cards one study session can show, by kind, each in the order it will be shown. */
export interface StudyQueue {
	/** Cards the learner asked to see again first ("Review mistakes"). */
	requested: StudyCard[];
	/** Review cards due today, most overdue first, within the daily review limit. */
	reviews: CardState[];
	/** Learning and relearning cards due today, soonest first. */
	learning: CardState[];
	/** New cards within the daily new-card limit. */
	fresh: StudyCard[];
}

/** How long before its due time a learning card may be shown when nothing else is left. */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;

/** Tallies today's scheduled reviews: new cards started, reviews done, facts seen. */
export function studiedToday(
	reviewsToday: readonly Review[],
	factOf: (card: string) => string
): StudiedToday {
	const today: StudiedToday = { newCards: 0, reviews: 0, facts: new Set() };
	for (const review of reviewsToday) {
		if (review.mode !== 'review') continue;
		if (review.state === State.New) today.newCards += 1;
		else if (review.state === State.Review) today.reviews += 1;
		today.facts.add(factOf(review.card));
	}
	return today;
}

/**
 * Builds the study queue: requested cards, then due reviews, then learning cards when due, then new
 * cards up to the daily limit. Siblings (cards of one fact) are never both shown on one day; retired
 * cards are never shown.
 * @param cards the flashcards of the chosen decks, in deck order
 * @param states stored states by card id (a card without one is new)
 * @param dayEnd when today's study day ends, epoch ms
 */
export function buildQueue(
	cards: readonly StudyCard[],
	states: ReadonlyMap<string, CardState>,
	today: StudiedToday,
	limits: DailyLimits,
	dayEnd: number
): StudyQueue {
	const requested: StudyCard[] = [];
	const reviews: CardState[] = [];
	const learning: CardState[] = [];
	const fresh: StudyCard[] = [];
	for (const card of cards) {
		const state = states.get(card.id);
		if (state?.retired) continue;
		if (state?.requested != null) requested.push(card);
		else if (!state || state.state === State.New) fresh.push(card);
		else if (state.state === State.Review) {
			if (state.due < dayEnd) reviews.push(state);
		} else if (state.due < dayEnd) learning.push(state);
	}
	requested.sort((a, b) => (states.get(a.id)?.requested ?? 0) - (states.get(b.id)?.requested ?? 0));
	reviews.sort((a, b) => a.due - b.due || compareIds(a.id, b.id));
	learning.sort((a, b) => a.due - b.due || compareIds(a.id, b.id));

	// Siblings: one card per fact a day. Learning cards are the fact being learned, so they stay.
	const seen = new Set(today.facts);
	for (const card of learning) seen.add(card.fact);
	const firstOfFact = <T extends { fact: string }>(card: T) => {
		if (seen.has(card.fact)) return false;
		seen.add(card.fact);
		return true;
	};
	const requestedToday = requested.filter(firstOfFact);
	// Every due review claims its fact, even past the daily limit, so no sibling is shown instead.
	const reviewLimit = Math.max(0, limits.reviewsPerDay - today.reviews);
	const reviewsToday: CardState[] = [];
	for (const card of reviews) {
		if (firstOfFact(card) && reviewsToday.length < reviewLimit) reviewsToday.push(card);
	}
	// New cards come last, so nothing needs their facts: stop at the limit rather than walk every
	// new card of a large collection.
	const newLimit = Math.max(0, limits.newPerDay - today.newCards);
	const freshToday: StudyCard[] = [];
	for (const card of fresh) {
		if (freshToday.length >= newLimit) break;
		if (firstOfFact(card)) freshToday.push(card);
	}
	return { requested: requestedToday, reviews: reviewsToday, learning, fresh: freshToday };
}

function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts of a queue; requested cards count as due. */
export function queueCounts(queue: StudyQueue): QueueCounts {
	return {
		due: queue.requested.length + queue.reviews.length,
		learning: queue.learning.length,
		fresh: queue.fresh.length
	};
}

/** The next card to show, or when the next learning card will be ready, or nothing left today. */
export type NextCard =
	{ kind: 'card'; id: string } | { kind: 'wait'; until: number } | { kind: 'done' };

/**
 * Picks the next card: requested cards, due reviews, learning cards that are due, new cards, and
 * finally learning cards due within the learn-ahead window.
 */
export function nextCard(queue: StudyQueue, now: number): NextCard {
	const first = queue.requested[0] ?? queue.reviews[0];
	if (first) return { kind: 'card', id: first.id };
	const learning = queue.learning[0];
	if (learning && learning.due <= now) return { kind: 'card', id: learning.id };
	const fresh = queue.fresh[0];
	if (fresh) return { kind: 'card', id: fresh.id };
	if (learning && learning.due <= now + LEARN_AHEAD_MS) return { kind: 'card', id: learning.id };
	if (learning) return { kind: 'wait', until: learning.due };
	return { kind: 'done' };
}

/**
 * The queue after a card was answered: the card leaves the queue and, while it is still being
 * learned today, comes back among the learning cards at its new due time.
 */
export function afterAnswer(queue: StudyQueue, answered: CardState, dayEnd: number): StudyQueue {
	const others = <T extends { id: string }>(cards: T[]) =>
		cards.filter((card) => card.id !== answered.id);
	const learning = others(queue.learning);
	const stillLearning =
		(answered.state === State.Learning || answered.state === State.Relearning) &&
		answered.due < dayEnd;
	if (stillLearning) {
		const at = learning.findIndex((card) => card.due > answered.due);
		learning.splice(at === -1 ? learning.length : at, 0, answered);
	}
	return {
		requested: others(queue.requested),
		reviews: others(queue.reviews),
		learning,
		fresh: others(queue.fresh)
	};
}

/** How many cards are left in a queue. */
export function cardsLeft(queue: StudyQueue): number {
	return queue.requested.length + queue.reviews.length + queue.learning.length + queue.fresh.length;
}

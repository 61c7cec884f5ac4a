import type { QueueCounts } from './counts';
import { factOf } from '$lib/content/ids';
import { State, type CardState, type Review } from './types';

/** A flashcard of a current deck, in study order. */
export interface StudyCard {
	id: string;
	deck: string;
	fact: string;
	/** The sentence (notes file and line) the card was cut from: its cards are siblings too. */
	sentence: string;
}

/** Daily limits, from the settings. */
export interface DailyLimits {
	/** New cards a study day, all decks together. */
	newPerDay: number;
	/** New cards a study day from any one deck, within `newPerDay`. */
	newPerDeck: number;
	reviewsPerDay: number;
	/**
	 * New cards asked for past both limits ("Study more today"), by deck: a deck may introduce this
	 * many more than its limit, and the day's limit grows by as many for that deck's cards only.
	 */
	extraNew?: Readonly<Record<string, number>>;
}

/** What was already studied today (scheduled answers only; cram does not count). */
export interface StudiedToday {
	/** New cards answered for the first time today. */
	newCards: number;
	/** The same, by deck. */
	newByDeck: ReadonlyMap<string, number>;
	/** Review cards answered today. */
	reviews: number;
	/** Facts and sentences answered today (sibling keys): their other cards wait until tomorrow. */
	siblings: Set<string>;
}

/** Nothing studied yet today. */
export function nothingStudied(): StudiedToday {
	return { newCards: 0, newByDeck: new Map(), reviews: 0, siblings: new Set() };
}

/** What makes two cards siblings: one fact, or one sentence of the notes. */
export function siblingKeys(card: Pick<StudyCard, 'fact' | 'sentence'>): string[] {
	return [`fact:${card.fact}`, `sentence:${card.sentence}`];
}

/**
 * The sibling keys of a card by id, for today's answers: those of the card in `cards`, or only its
 * fact for a card no longer in them.
 */
export function siblingKeysById(cards: readonly StudyCard[]): (id: string) => string[] {
	const byId = new Map(cards.map((card) => [card.id, card]));
	return (id) => {
		const card = byId.get(id);
		return card ? siblingKeys(card) : [`fact:${factOf(id)}`];
	};
}

/**
 * How many new cards the limits still allow today: in all decks together (`deck` absent) or in one
 * deck (its own limit and the day's, whichever leaves fewer).
 */
export function newCardsLeft(limits: DailyLimits, today: StudiedToday, deck?: string): number {
	// New cards a deck took past its own limit, up to its extra, do not use up the other decks' day.
	let extraUsed = 0;
	for (const [id, extra] of Object.entries(limits.extraNew ?? {})) {
		extraUsed += Math.min(extra, Math.max(0, (today.newByDeck.get(id) ?? 0) - limits.newPerDeck));
	}
	const used = today.newCards - extraUsed;
	const dayLeft = (extra: number) => Math.max(0, limits.newPerDay + extra - used);
	if (deck === undefined) return dayLeft(0);
	const extra = limits.extraNew?.[deck] ?? 0;
	const deckLeft = limits.newPerDeck + extra - (today.newByDeck.get(deck) ?? 0);
	return Math.max(0, Math.min(dayLeft(extra), deckLeft));
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

/**
 * Tallies today's scheduled reviews: new cards started (in all and by deck), reviews done, and the
 * facts and sentences seen.
 * @param keysOf a card's sibling keys by id (see `siblingKeysById`)
 */
export function studiedToday(
	reviewsToday: readonly Review[],
	keysOf: (card: string) => readonly string[]
): StudiedToday {
	let newCards = 0;
	let reviews = 0;
	const newByDeck = new Map<string, number>();
	const siblings = new Set<string>();
	for (const review of reviewsToday) {
		if (review.mode !== 'review') continue;
		if (review.state === State.New) {
			newCards += 1;
			newByDeck.set(review.deck, (newByDeck.get(review.deck) ?? 0) + 1);
		} else if (review.state === State.Review) reviews += 1;
		for (const key of keysOf(review.card)) siblings.add(key);
	}
	return { newCards, newByDeck, reviews, siblings };
}

/**
 * Builds the study queue: requested cards, then due reviews, then learning cards when due, then new
 * cards up to the daily limits (the day's and each deck's). Siblings (cards of one fact or of one
 * sentence) are never both shown on one day; retired cards are never shown.
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
	const reviews: { state: CardState; card: StudyCard }[] = [];
	const learning: { state: CardState; card: StudyCard }[] = [];
	const fresh: StudyCard[] = [];
	for (const card of cards) {
		const state = states.get(card.id);
		if (state?.retired) continue;
		if (state?.requested != null) requested.push(card);
		else if (!state || state.state === State.New) fresh.push(card);
		else if (state.state === State.Review) {
			if (state.due < dayEnd) reviews.push({ state, card });
		} else if (state.due < dayEnd) learning.push({ state, card });
	}
	requested.sort((a, b) => (states.get(a.id)?.requested ?? 0) - (states.get(b.id)?.requested ?? 0));
	const byDue = (a: { state: CardState }, b: { state: CardState }) =>
		a.state.due - b.state.due || compareIds(a.state.id, b.state.id);
	reviews.sort(byDue);
	learning.sort(byDue);

	// Siblings: one card per fact and per sentence a day. Learning cards are being learned, so they
	// stay, and claim their siblings.
	const seen = new Set(today.siblings);
	for (const { card } of learning) for (const key of siblingKeys(card)) seen.add(key);
	const firstOfSiblings = (card: StudyCard) => {
		const keys = siblingKeys(card);
		if (keys.some((key) => seen.has(key))) return false;
		for (const key of keys) seen.add(key);
		return true;
	};
	const requestedToday = requested.filter(firstOfSiblings);
	// Every due review claims its siblings, even past the daily limit, so no sibling is shown instead.
	const reviewLimit = Math.max(0, limits.reviewsPerDay - today.reviews);
	const reviewsToday: CardState[] = [];
	for (const { state, card } of reviews) {
		if (firstOfSiblings(card) && reviewsToday.length < reviewLimit) reviewsToday.push(state);
	}
	return {
		requested: requestedToday,
		reviews: reviewsToday,
		learning: learning.map(({ state }) => state),
		fresh: freshWithinLimits(fresh, today, limits, firstOfSiblings)
	};
}

/**
 * New cards within the day's and each deck's limit. New cards come last, so nothing needs their
 * siblings: stop once the day's limit is reached rather than walk every new card of a collection.
 */
function freshWithinLimits(
	fresh: readonly StudyCard[],
	today: StudiedToday,
	limits: DailyLimits,
	firstOfSiblings: (card: StudyCard) => boolean
): StudyCard[] {
	const dayRoom = newCardsLeft(limits, today) + sumOf(limits.extraNew);
	const taken = new Map<string, number>();
	let takenInDay = 0;
	const result: StudyCard[] = [];
	for (const card of fresh) {
		if (result.length >= dayRoom) break;
		const inDeck = taken.get(card.deck) ?? 0;
		// Each deck's room: its own limit and the day's (grown by its own extra cards only).
		const deckRoom = newCardsLeft(limits, today, card.deck);
		const extra = limits.extraNew?.[card.deck] ?? 0;
		if (inDeck >= deckRoom || takenInDay >= newCardsLeft(limits, today) + extra) continue;
		if (!firstOfSiblings(card)) continue;
		result.push(card);
		taken.set(card.deck, inDeck + 1);
		takenInDay += 1;
	}
	return result;
}

function sumOf(record: Readonly<Record<string, number>> | undefined): number {
	return Object.values(record ?? {}).reduce((sum, value) => sum + value, 0);
}

function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** How many cards were never answered (and are not retired). */
export function unseenCards(
	cards: readonly StudyCard[],
	states: ReadonlyMap<string, CardState>
): number {
	let count = 0;
	for (const card of cards) {
		const state = states.get(card.id);
		if (!state || (state.state === State.New && !state.retired)) count += 1;
	}
	return count;
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

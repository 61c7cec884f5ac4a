import type { NewToday, QueueCounts } from '$lib/srs/counts';

export type { NewToday };
import { studyDayEnd, studyDayKey, studyDayStart } from '$lib/srs/day';
import {
	buildQueue,
	newCardsLeft,
	queueCounts,
	siblingKeysById,
	studiedToday,
	unseenCards
} from '$lib/srs/queue';
import { cardsInScope } from '$lib/srs/scope';
import type { CardState, Review } from '$lib/srs/types';
import type { Settings } from '$lib/settings';
import { notesOf, suspendedIds, withoutSuspended } from '$lib/marks/marks';
import { loadCardStates } from '$lib/storage/cards';
import { loadMarks } from '$lib/storage/marks';
import type { StoredDeck, StudyDatabase } from '$lib/storage/db';
import { reviewsSince } from '$lib/storage/reviews';
import { loadSettings } from '$lib/storage/settings';
import { yieldToMain } from '$lib/yield';
import type { InterviewDate, InterviewPlan } from '$lib/srs/plan';
import { loadExtraNew } from './extra-new';
import { planAndLimits } from './interview-date';

/** A deck as the study page lists it. */
export interface DeckOverview {
	id: string;
	title: string;
	topics: { id: string; title: string }[];
	counts: QueueCounts;
	newToday: NewToday;
}

/** The learner's cards, decks and today's progress, read from storage. */
export interface StudyData {
	db: StudyDatabase;
	decks: StoredDeck[];
	settings: Settings;
	states: Map<string, CardState>;
	/** The plan to the learner's interview, when a date is set and not past. */
	plan: InterviewPlan | null;
	/** The interview date the learner set, if any (past or not). */
	interview: InterviewDate | null;
	/** New cards asked for past today's limits, by deck ("Study more today"). */
	extraNew: Record<string, number>;
	/** The answers of the study day, as read when this was loaded (read once for every count). */
	reviewsToday: Review[];
	/** The learner's notes on cards, by item id, shown on a card's back. */
	notes: ReadonlyMap<string, string>;
	now: () => number;
}

/** What there is to study today: in all decks together, and in each deck. */
export interface StudyOverview {
	all: QueueCounts;
	newToday: NewToday;
	decks: DeckOverview[];
}

/** Counts of what all decks together have to study today (the Today screen's). */
export async function dayOverview(data: StudyData): Promise<Omit<StudyOverview, 'decks'>> {
	const { all, newToday } = await deckOverviews(data, false);
	return { all, newToday };
}

/**
 * Today's queue as the study page builds it: all cards, what was answered today, the limits and
 * the end of the study day, and the queue of any set of cards on them.
 */
function todaysQueue(data: StudyData) {
	const allCards = cardsInScope(data.decks, {}).cards;
	const today = studiedToday(data.reviewsToday, siblingKeysById(allCards));
	const limits = { ...data.settings, extraNew: data.extraNew };
	const dayEnd = studyDayEnd(data.now(), limits.dayStartHour);
	const queueOf = (cards: typeof allCards) => buildQueue(cards, data.states, today, limits, dayEnd);
	return { allCards, today, limits, queueOf };
}

/**
 * Counts of what each deck has to study today, and of all decks together.
 * @param eachDeck false to count all decks together only
 */
export async function deckOverviews(data: StudyData, eachDeck = true): Promise<StudyOverview> {
	const { allCards, today, limits, queueOf } = todaysQueue(data);
	const all = queueCounts(queueOf(allCards));
	// What is left is what the queue would take: the limits, and siblings held back for today.
	const newToday = (cards: typeof allCards, fresh: number, deck?: string): NewToday => ({
		left: Math.min(fresh, newCardsLeft(limits, today, deck)),
		limit: deck === undefined ? limits.newPerDay : limits.newPerDeck + (limits.extraNew[deck] ?? 0),
		unseen: unseenCards(cards, data.states)
	});
	const decks: DeckOverview[] = [];
	for (const deck of eachDeck ? data.decks : []) {
		// A deck at a time, so that counting a large library never blocks a tap for long.
		await yieldToMain();
		const cards = cardsInScope(data.decks, { deck: deck.id }).cards;
		const counts = queueCounts(queueOf(cards));
		const { id, title, topics } = deck;
		decks.push({ id, title, topics, counts, newToday: newToday(cards, counts.fresh, id) });
	}
	return { all, newToday: newToday(allCards, all.fresh), decks };
}

/**
 * The cards asked for ("Review mistakes") that today's queue shows first: not those held back to
 * tomorrow because a card of the same fact or sentence was answered today.
 */
export async function requestedFirst(data: StudyData): Promise<Set<string>> {
	const { allCards, queueOf } = todaysQueue(data);
	return new Set(queueOf(allCards).requested.map((state) => state.id));
}

/**
 * Reads everything a study page needs from storage, with fresh settings and card states. While the
 * learner follows the plan to their interview, its new cards a day are the daily limit.
 */
export async function loadStudyData(db: StudyDatabase, all: StoredDeck[]): Promise<StudyData> {
	const [stored, states, marks] = await Promise.all([
		loadSettings(db),
		loadCardStates(db),
		loadMarks(db)
	]);
	// A suspended card is never studied, counted or planned for until it is unsuspended.
	const decks = withoutSuspended(all, suspendedIds(marks.values()));
	const notes = notesOf(marks.values());
	const cards = cardsInScope(decks, {}).cards;
	const now = Date.now();
	const reviewsToday = await reviewsSince(db, studyDayStart(now, stored.dayStartHour));
	const { plan, interview, settings } = await planAndLimits(
		db,
		stored,
		cards,
		states,
		now,
		reviewsToday
	);
	const extraNew = await loadExtraNew(db, studyDayKey(now, settings.dayStartHour));
	return {
		...{ db, decks, settings, states, plan, interview, extraNew, reviewsToday, notes },
		now: () => Date.now()
	};
}

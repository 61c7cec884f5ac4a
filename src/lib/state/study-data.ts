import type { QueueCounts } from '$lib/srs/counts';
import { studyDayEnd, studyDayStart } from '$lib/srs/day';
import { buildQueue, queueCounts, studiedToday } from '$lib/srs/queue';
import { factOf } from '$lib/content/ids';
import { cardsInScope, type StudyScope } from '$lib/srs/scope';
import type { CardState } from '$lib/srs/types';
import type { Settings } from '$lib/settings';
import { loadCardStates } from '$lib/storage/cards';
import type { StoredDeck, StudyDatabase } from '$lib/storage/db';
import { reviewsSince } from '$lib/storage/reviews';
import { loadSettings } from '$lib/storage/settings';
import { yieldToMain } from '$lib/yield';

/** A deck as the study page lists it. */
export interface DeckOverview {
	id: string;
	title: string;
	topics: { id: string; title: string }[];
	counts: QueueCounts;
}

/** The learner's cards, decks and today's progress, read from storage. */
export interface StudyData {
	db: StudyDatabase;
	decks: StoredDeck[];
	settings: Settings;
	states: Map<string, CardState>;
	now: () => number;
}

/** What there is to study today: in all decks together, and in each deck. */
export interface StudyOverview {
	all: QueueCounts;
	decks: DeckOverview[];
}

/** Counts of what each deck has to study today, and of all decks together. */
export async function deckOverviews(data: StudyData): Promise<StudyOverview> {
	const now = data.now();
	const today = studiedToday(
		await reviewsSince(data.db, studyDayStart(now, data.settings.dayStartHour)),
		factOf
	);
	const dayEnd = studyDayEnd(now, data.settings.dayStartHour);
	const queueOf = (scope: StudyScope) =>
		buildQueue(cardsInScope(data.decks, scope).cards, data.states, today, data.settings, dayEnd);
	const all = queueCounts(queueOf({}));
	const decks: DeckOverview[] = [];
	for (const deck of data.decks) {
		// A deck at a time, so that counting a large library never blocks a tap for long.
		await yieldToMain();
		const counts = queueCounts(queueOf({ deck: deck.id }));
		decks.push({ id: deck.id, title: deck.title, topics: deck.topics, counts });
	}
	return { all, decks };
}

/** Reads everything a study page needs from storage, with fresh settings and card states. */
export async function loadStudyData(db: StudyDatabase, decks: StoredDeck[]): Promise<StudyData> {
	const [settings, states] = await Promise.all([loadSettings(db), loadCardStates(db)]);
	return { db, decks, settings, states, now: () => Date.now() };
}

import { isCardItem, type CardItem, type Deck } from '$lib/content/types';
import { studyDayEnd, studyDayStart } from './day';
import { GRADE_NAMES } from './scheduler';
import { NO_MARKS, type CardMarks } from '$lib/marks/marks';
import { State, type CardState, type Grade, type Review, type ScheduledReview } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A flashcard's learning state as the browser names it. */
export type BrowseState = 'new' | 'learning' | 'review' | 'relearning';

/** The learning states in the order the browser offers them. */
export const BROWSE_STATES: readonly BrowseState[] = ['new', 'learning', 'review', 'relearning'];

/**
 * When a card is due, as the browser filters it. `today` and `week` take in the overdue cards too
 * (studying today shows them); `unstudied` is a card never answered.
 */
export type DueFilter = 'overdue' | 'today' | 'week' | 'unstudied';

/** One flashcard of a deck as the browser lists it. */
export interface BrowseCard {
	id: string;
	deck: string;
	deckTitle: string;
	topic: string;
	topicTitle: string;
	/** The card itself, both sides. */
	item: CardItem;
	/** What the card asks: its front, or a cloze's text with its blank. */
	front: string;
	state: BrowseState;
	/** When it is next due, epoch ms; null for a card never studied. */
	due: number | null;
	/** What the learner set on it (none: not suspended, not flagged, no note). */
	marks: CardMarks;
	/** Every text of the card and its note, folded (see `foldText`), for the search. */
	text: string;
}

/** What the learner asked the browser for; an empty field leaves that filter out. */
export interface BrowseFilter {
	query: string;
	deck: string;
	topic: string;
	/** A learning state, or `suspended` for the cards set aside whatever their state. */
	state: BrowseState | 'suspended' | '';
	due: DueFilter | '';
	/** Only flagged cards. */
	flagged: boolean;
}

/** A filter that keeps every card. */
export const NO_FILTER: BrowseFilter = {
	query: '',
	deck: '',
	topic: '',
	state: '',
	due: '',
	flagged: false
};

/** Text as the search compares it: lower case, accents and other marks taken off, spaces single. */
export function foldText(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const STATE_NAMES: Record<State, BrowseState> = {
	[State.New]: 'new',
	[State.Learning]: 'learning',
	[State.Review]: 'review',
	[State.Relearning]: 'relearning'
};

/** Every text a card shows, for the search. */
function textsOf(item: CardItem): string[] {
	return item.kind === 'cloze'
		? [item.text, item.answer, item.extra ?? '']
		: [item.front, item.back];
}

/**
 * Every flashcard of `decks` (ours and the learner's own) with its stored state, in deck order.
 * A card with no stored state is new; retired states belong to no current item and are left out.
 */
export function browseCards(
	decks: readonly Deck[],
	states: ReadonlyMap<string, CardState>,
	marksOf: ReadonlyMap<string, CardMarks> = new Map()
): BrowseCard[] {
	const cards: BrowseCard[] = [];
	for (const deck of decks) {
		const topics = new Map(deck.topics.map((topic) => [topic.id, topic.title]));
		for (const item of deck.items) {
			if (!isCardItem(item)) continue;
			const stored = states.get(item.id);
			const state = stored && !stored.retired ? STATE_NAMES[stored.state] : 'new';
			const marks = marksOf.get(item.id) ?? NO_MARKS;
			cards.push({
				id: item.id,
				deck: deck.id,
				deckTitle: deck.title,
				topic: item.topic,
				topicTitle: topics.get(item.topic) ?? item.topic,
				item,
				front: item.kind === 'cloze' ? item.text : item.front,
				state,
				due: state === 'new' || !stored ? null : stored.due,
				marks,
				text: foldText([...textsOf(item), marks.note].join(' \n '))
			});
		}
	}
	return cards;
}

/** Whether a card's due date falls in what `due` asks for, on the study day of `now`. */
function dueMatches(card: BrowseCard, due: DueFilter, now: number, dayStartHour: number): boolean {
	if (due === 'unstudied') return card.due === null;
	if (card.due === null) return false;
	if (due === 'overdue') return card.due < studyDayStart(now, dayStartHour);
	const end = studyDayEnd(now, dayStartHour);
	return card.due < (due === 'today' ? end : end + 6 * DAY_MS);
}

/**
 * The cards that match `filter`, in their order. The query matches any text of a card (front,
 * back, a cloze's text, answer and extra), whatever its case and accents; every word of the query
 * must appear, in any order.
 */
export function filterCards(
	cards: readonly BrowseCard[],
	filter: BrowseFilter,
	now: number,
	dayStartHour: number
): BrowseCard[] {
	const words = foldText(filter.query).split(' ').filter(Boolean);
	return cards.filter(
		(card) =>
			(!filter.deck || card.deck === filter.deck) &&
			(!filter.topic || card.topic === filter.topic) &&
			(!filter.state ||
				(filter.state === 'suspended' ? card.marks.suspended : card.state === filter.state)) &&
			(!filter.flagged || card.marks.flagged) &&
			(!filter.due || dueMatches(card, filter.due, now, dayStartHour)) &&
			words.every((word) => card.text.includes(word))
	);
}

/** One answer of a card's history, as the browser shows it. */
export interface HistoryEntry {
	time: number;
	/** The button pressed, in words ("Good"). */
	rating: string;
	/** Whether it was crammed (the schedule did not move). */
	cram: boolean;
	/** The interval the answer gave (until the due date it set), ms; null for a cram answer. */
	interval: number | null;
}

/**
 * A card's answers, oldest first, each with the interval it gave: until the due date the next
 * scheduled answer found, or, for the latest, the card's stored due date.
 */
export function historyOf(reviews: readonly Review[], state: CardState | null): HistoryEntry[] {
	const sorted = [...reviews].sort((a, b) => a.time - b.time);
	return sorted.map((review, index) => {
		if (review.mode === 'cram') {
			return { time: review.time, rating: ratingName(review.rating), cram: true, interval: null };
		}
		const next = sorted
			.slice(index + 1)
			.find((later): later is ScheduledReview => later.mode !== 'cram');
		const due = next ? next.dueBefore : state?.due;
		return {
			time: review.time,
			rating: ratingName(review.rating),
			cram: false,
			interval: due === undefined ? null : Math.max(0, due - review.time)
		};
	});
}

function ratingName(rating: Grade): string {
	return GRADE_NAMES[rating] ?? String(rating);
}

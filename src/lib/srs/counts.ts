// Kept apart from the queue: the study page's prerendered picker needs these on its first load,
// and the queue's module brings the scheduler (ts-fsrs) with it.

/** The counts a deck shows before studying: due, learning and new. */
export interface QueueCounts {
	due: number;
	learning: number;
	fresh: number;
}

/** New cards today: how many the limits still allow, of how many, and how many were never seen. */
export interface NewToday {
	left: number;
	limit: number;
	unseen: number;
}

/**
 * What a deck (or all decks) can still introduce today, in words: "3 of 10 new left today", with
 * the reason when the day's limit, not the deck's, is what holds it back. Empty once every card
 * was seen.
 * @param day the same figures for all decks together, when `deck` is one deck
 */
export function describeNewToday(deck: NewToday, day?: NewToday): string {
	if (deck.unseen === 0) return 'Every card seen';
	const left = Math.min(deck.left, deck.unseen);
	const text = `${left} of ${deck.limit} new left today`;
	if (day && day.left < deck.limit && day.left === deck.left) {
		return `${text} (${day.left} of ${day.limit} for all decks)`;
	}
	return text;
}

/** How many more new cards "Study more today" offers for a deck. */
export function moreNewCards(deck: NewToday): number {
	return Math.min(deck.unseen, Math.max(deck.limit, 10));
}

/** Whether a queue with these counts has anything to study. */
export function hasCards(counts: QueueCounts): boolean {
	return counts.due + counts.learning + counts.fresh > 0;
}

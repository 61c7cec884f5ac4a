// Kept apart from the queue: the study page's prerendered picker needs these on its first load,
// and the queue's module brings the scheduler (ts-fsrs) with it.

/** The counts a deck shows before studying: due, learning and new. */
export interface QueueCounts {
	due: number;
	learning: number;
	fresh: number;
}

/** Whether a queue with these counts has anything to study. */
export function hasCards(counts: QueueCounts): boolean {
	return counts.due + counts.learning + counts.fresh > 0;
}

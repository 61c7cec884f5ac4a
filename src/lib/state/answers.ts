import type { InterviewRecord } from '$lib/storage/cards';
import {
	requestCards as storeRequests,
	storeAnswer,
	undoAnswer as storeUndo
} from '$lib/storage/cards';
import type { StudyDatabase } from '$lib/storage/db';
import { answerCard, newCardState, undoReview } from '$lib/srs/scheduler';
import type { CardState, Grade, Review, ReviewMode, SchedulerParams } from '$lib/srs/types';

/** One answer, as a page gives it. */
export interface Answer {
	card: { id: string; deck: string };
	grade: Grade;
	mode: ReviewMode;
	now: number;
	durationMs: number;
	params: SchedulerParams;
	/** For an interview question: what was covered, stored with the answer. */
	interview?: InterviewRecord;
}

/**
 * Records an answer: the scheduler (ts-fsrs) works out the card's next state from its state as
 * stored when the answer is written, and storage keeps state, review and interview record together.
 * @returns the card's new state (null for cram) and the stored review, with its id
 */
export function recordAnswer(
	db: StudyDatabase,
	answer: Answer
): Promise<{ state: CardState | null; review: Review }> {
	const { card, grade, now, durationMs, params } = answer;
	if (answer.mode === 'cram') {
		return storeAnswer(db, {
			mode: 'cram',
			review: { card: card.id, deck: card.deck, rating: grade, time: now, durationMs, mode: 'cram' }
		});
	}
	const mode = answer.mode;
	return storeAnswer(db, {
		mode,
		card,
		interview: answer.interview,
		schedule: (stored) =>
			answerCard(
				stored ?? newCardState(card.id, card.deck, now),
				grade,
				now,
				params,
				durationMs,
				mode
			)
	});
}

/**
 * Takes back the latest answer of a card (ts-fsrs rollback); a card answered once is new again.
 * @throws UndoError when it is not the card's latest answer, or no longer stored
 */
export function undoAnswer(db: StudyDatabase, reviewId: number): Promise<CardState | null> {
	return storeUndo(db, reviewId, undoReview);
}

/** Asks for cards to come first in the next study session ("Review mistakes"). */
export function requestCards(
	db: StudyDatabase,
	cards: readonly { id: string; deck: string }[],
	now: number
): Promise<void> {
	return storeRequests(db, cards, now, (card) => newCardState(card.id, card.deck, now));
}

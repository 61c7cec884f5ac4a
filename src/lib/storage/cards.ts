import type { InterviewAnswer } from '$lib/quiz/types';
import type { CardState, CramReview, Review, ScheduledReview } from '$lib/srs/types';
import { AppError } from '$lib/errors';
import { inLogOrder } from '$lib/srs/log-order';
import type { StudyDatabase } from './db';
import { toStorageError } from './errors';
import { noteRemovals } from './removals';
import { inTransaction, write } from './transaction';
import { withUid } from './uids';

/** Stored card states of some decks (or of all decks), by card id. */
export async function loadCardStates(
	db: StudyDatabase,
	decks?: readonly string[]
): Promise<Map<string, CardState>> {
	try {
		const states = decks
			? (
					await Promise.all(decks.map((deck) => db.getAllFromIndex('cards', 'by-deck', deck)))
				).flat()
			: await db.getAll('cards');
		return new Map(states.map((state) => [state.id, state]));
	} catch (error) {
		throw toStorageError(error);
	}
}

/** The stored state of one card; undefined for a card never studied. */
export async function loadCardState(db: StudyDatabase, id: string): Promise<CardState | undefined> {
	try {
		return await db.get('cards', id);
	} catch (error) {
		throw toStorageError(error);
	}
}

/** An interview answer's own record, stored with the answer that scores it. */
export type InterviewRecord = Omit<InterviewAnswer, 'id' | 'item' | 'deck' | 'time' | 'durationMs'>;

/**
 * One answer to store. A cram answer is only logged. A scheduled answer is worked out by
 * `schedule` from the card's state as stored at that moment (read inside the transaction, so an
 * answer given meanwhile in another tab is built upon); storage itself schedules nothing.
 */
export type AnswerToStore =
	| { mode: 'cram'; review: CramReview }
	| {
			mode: ScheduledReview['mode'];
			card: { id: string; deck: string };
			schedule: (stored: CardState | undefined) => { state: CardState; review: ScheduledReview };
			/** For an interview question: what was covered, stored with the answer. */
			interview?: InterviewRecord;
	  };

/**
 * Stores an answer in one transaction: the card's new state, its review and, for an interview
 * question, what was covered are stored together or not at all. A cram answer only adds its review.
 * @returns the card's new state (null for cram) and the stored review, with its id
 */
export async function storeAnswer(
	db: StudyDatabase,
	answer: AnswerToStore
): Promise<{ state: CardState | null; review: Review }> {
	const tx = db.transaction(['cards', 'reviews', 'interviewAnswers'], 'readwrite');
	return inTransaction(tx, async () => {
		const reviews = tx.objectStore('reviews');
		if (answer.mode === 'cram') {
			const review = withUid(answer.review);
			return { state: null, review: { ...review, id: await reviews.add(review) } };
		}
		const cards = tx.objectStore('cards');
		const scheduled = answer.schedule(await cards.get(answer.card.id));
		const { state } = scheduled;
		const review = withUid(scheduled.review);
		write(cards.put(state));
		if (answer.interview) {
			write(
				tx.objectStore('interviewAnswers').add({
					...withUid(answer.interview),
					item: answer.card.id,
					deck: answer.card.deck,
					time: review.time,
					durationMs: review.durationMs
				})
			);
		}
		return { state, review: { ...review, id: await reviews.add(review) } };
	});
}

/** Undo is only for the latest answer of a card. */
export class UndoError extends AppError {
	constructor(message: string) {
		super(message);
		this.name = 'UndoError';
	}
}

/**
 * Undoes an answer in one transaction: the review is deleted and the card goes back to the state
 * `rollback` gives from the review (null: a card answered for the first time becomes new again). An interview
 * answer's record (key points covered, notes) goes with it.
 * @returns the card's restored state, or null when it is new again or the answer was cram
 */
export async function undoAnswer(
	db: StudyDatabase,
	reviewId: number,
	rollback: (state: CardState, review: ScheduledReview) => CardState | null,
	now = Date.now()
): Promise<CardState | null> {
	const tx = db.transaction(
		['cards', 'reviews', 'interviewAnswers', 'settings', 'removals'],
		'readwrite'
	);
	return inTransaction(tx, async () => {
		const reviews = tx.objectStore('reviews');
		const review = await reviews.get(reviewId);
		if (!review) throw new UndoError('That answer is no longer stored.');
		await noteRemovals(tx, 'reviews', [review], now);
		if (review.mode === 'cram') {
			write(reviews.delete(reviewId));
			return null;
		}
		// The latest in the log, not the latest stored here: sync may have stored an earlier answer
		// given on another device after it.
		const latest = (await reviews.index('by-card').getAll(review.card))
			.filter((given) => given.mode !== 'cram')
			.sort(inLogOrder)
			.at(-1);
		if (latest?.id !== reviewId) {
			throw new UndoError('Only the latest answer of a card can be undone.');
		}
		const cards = tx.objectStore('cards');
		const state = await cards.get(review.card);
		if (!state) throw new UndoError('That card has no stored state.');
		const previous = rollback(state, review);
		write(previous ? cards.put(previous) : cards.delete(review.card));
		write(reviews.delete(reviewId));
		if (review.mode === 'interview') {
			// Stored by the same transaction as the review: same question, same time.
			const answers = tx.objectStore('interviewAnswers').index('by-item');
			let answer = await answers.openCursor(IDBKeyRange.only(review.card), 'prev');
			while (answer && answer.value.time !== review.time) answer = await answer.continue();
			if (answer) {
				await noteRemovals(tx, 'interviewAnswers', [answer.value], now);
				write(answer.delete());
			}
		}
		return previous;
	});
}

/**
 * Asks for cards to be shown first in the next study session ("Review mistakes"). Their FSRS state
 * is not touched; a card never studied is stored as new, flagged.
 */
export async function requestCards(
	db: StudyDatabase,
	cards: readonly { id: string; deck: string }[],
	now: number,
	fresh: (card: { id: string; deck: string }) => CardState
): Promise<void> {
	const tx = db.transaction('cards', 'readwrite');
	await inTransaction(tx, async () => {
		const store = tx.objectStore('cards');
		const existing = await Promise.all(cards.map((card) => store.get(card.id)));
		cards.forEach((card, index) => {
			const state = existing[index] ?? fresh(card);
			write(store.put({ ...state, requested: now + index }));
		});
	});
}

import type { Grade, State } from 'ts-fsrs';

export { Rating, State } from 'ts-fsrs';
export type { Grade } from 'ts-fsrs';

/** What a study session is for: scheduled review, or cramming that leaves the schedule alone. */
export type StudyMode = 'review' | 'cram';

/** Every kind of answer in the review log. */
export type ReviewMode = Review['mode'];

/**
 * The FSRS memory state of one flashcard, as stored. Times are epoch milliseconds so that IndexedDB
 * can index them. A card with no stored state is new.
 */
export interface CardState {
	/** The item id of the flashcard. */
	id: string;
	deck: string;
	/** Cards of one fact are siblings: never two of them on the same day. */
	fact: string;
	due: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: State;
	lastReview: number | null;
	/** The item is gone from its deck: history kept, no longer studied. */
	retired: boolean;
	/** When the learner asked to see this card again first ("Review mistakes"); null otherwise. */
	requested: number | null;
}

/** The settings the scheduler answered with, kept with each review so it can be replayed exactly. */
export interface SchedulerParams {
	retention: number;
	fuzz: boolean;
}

/** The card's FSRS state before a review (ts-fsrs's review log). */
export interface ReviewLogFields {
	state: State;
	/** ts-fsrs's `log.due`: the last review time, or the due date of a new card. */
	logDue: number;
	/** The card's due date before the review, which ts-fsrs's rollback cannot know. */
	dueBefore: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	lastElapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
}

interface ReviewBase {
	/** Assigned by the store; absent before the review is saved. */
	id?: number;
	/**
	 * The review's own id, the same on every device it reaches (a random UUID): given by the store
	 * when saved; absent on reviews stored before version 6 until sync gives them one.
	 */
	uid?: string;
	/** The item id of the card. */
	card: string;
	deck: string;
	rating: Grade;
	/** When the answer was given, epoch ms. */
	time: number;
	/** How long the learner took to answer, ms. */
	durationMs: number;
}

/**
 * A scheduled answer: it moved the card's FSRS state. Flashcards are reviewed in mode `review`;
 * interview questions are scheduled like cards, in mode `interview`.
 */
export interface ScheduledReview extends ReviewBase, ReviewLogFields, SchedulerParams {
	mode: 'review' | 'interview';
}

/** A cram answer: logged for the learner, but it never touches the schedule. */
export interface CramReview extends ReviewBase {
	mode: 'cram';
}

/** One answer in the append-only review log, the record of truth for card states. */
export type Review = ScheduledReview | CramReview;

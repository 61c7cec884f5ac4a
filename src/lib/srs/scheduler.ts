import { inLogOrder } from './log-order';
import {
	createEmptyCard,
	fsrs,
	generatorParameters,
	Rating,
	State,
	type Card,
	type FSRS,
	type Grade,
	type ReviewLog
} from 'ts-fsrs';
import { factOf } from '$lib/content/ids';
import type { CardState, Review, ScheduledReview, SchedulerParams } from './types';

/** The grades a learner can give, in button order. */
export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

/** Button names, in grade order. */
export const GRADE_NAMES: Record<Grade, string> = {
	[Rating.Again]: 'Again',
	[Rating.Hard]: 'Hard',
	[Rating.Good]: 'Good',
	[Rating.Easy]: 'Easy'
};

const schedulers = new Map<string, FSRS>();

/** The ts-fsrs scheduler (FSRS-6 defaults) for a desired retention, with or without fuzz. */
export function scheduler(params: SchedulerParams): FSRS {
	const key = `${params.retention}|${params.fuzz}`;
	let found = schedulers.get(key);
	if (!found) {
		found = fsrs(
			generatorParameters({ request_retention: params.retention, enable_fuzz: params.fuzz })
		);
		schedulers.set(key, found);
	}
	return found;
}

/** A new card's state, as it would be stored once studied. */
export function newCardState(id: string, deck: string, now: number): CardState {
	return fromFsrsCard(createEmptyCard(new Date(now)), {
		id,
		deck,
		fact: factOf(id),
		retired: false,
		requested: null
	});
}

function toFsrsCard(state: CardState): Card {
	return {
		due: new Date(state.due),
		stability: state.stability,
		difficulty: state.difficulty,
		elapsed_days: state.elapsedDays,
		scheduled_days: state.scheduledDays,
		learning_steps: state.learningSteps,
		reps: state.reps,
		lapses: state.lapses,
		state: state.state,
		last_review: state.lastReview === null ? undefined : new Date(state.lastReview)
	};
}

/**
 * The card as ts-fsrs may schedule it at `now`. A last review after `now` (the device's clock was
 * set back since, or a backup came from a device whose clock ran ahead) counts as a review now:
 * ts-fsrs refuses a negative elapsed time, and the learner must still be able to answer.
 */
function schedulable(state: CardState, now: number): Card {
	const card = toFsrsCard(state);
	if (card.last_review && card.last_review.getTime() > now) card.last_review = new Date(now);
	return card;
}

function fromFsrsCard(
	card: Card,
	identity: Pick<CardState, 'id' | 'deck' | 'fact' | 'retired' | 'requested'>
): CardState {
	return {
		...identity,
		due: card.due.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsed_days,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		lastReview: card.last_review ? card.last_review.getTime() : null
	};
}

/** What answering a card with each grade would do: the next due time per grade. */
export function previewDue(
	state: CardState,
	now: number,
	params: SchedulerParams
): Record<Grade, number> {
	const preview = scheduler(params).repeat(schedulable(state, now), new Date(now));
	return {
		[Rating.Again]: preview[Rating.Again].card.due.getTime(),
		[Rating.Hard]: preview[Rating.Hard].card.due.getTime(),
		[Rating.Good]: preview[Rating.Good].card.due.getTime(),
		[Rating.Easy]: preview[Rating.Easy].card.due.getTime()
	};
}

/**
 * Answers a card: its next FSRS state and the review that records the answer.
 * @param durationMs how long the learner took
 */
export function answerCard(
	state: CardState,
	grade: Grade,
	now: number,
	params: SchedulerParams,
	durationMs: number,
	mode: ScheduledReview['mode'] = 'review'
): { state: CardState; review: ScheduledReview } {
	const { card, log } = scheduler(params).next(schedulable(state, now), new Date(now), grade);
	const next = fromFsrsCard(card, { ...state, requested: null });
	const review: ScheduledReview = {
		card: state.id,
		deck: state.deck,
		rating: grade,
		time: now,
		durationMs,
		mode,
		state: log.state,
		logDue: log.due.getTime(),
		dueBefore: state.due,
		stability: log.stability,
		difficulty: log.difficulty,
		elapsedDays: log.elapsed_days,
		lastElapsedDays: log.last_elapsed_days,
		scheduledDays: log.scheduled_days,
		learningSteps: log.learning_steps,
		retention: params.retention,
		fuzz: params.fuzz
	};
	return { state: next, review };
}

/**
 * Undoes a scheduled review with ts-fsrs's rollback. ts-fsrs's log does not hold the card's earlier
 * due date, so it is restored from the review, and the card equals a replay of the reviews before.
 * @returns the card's earlier state, or null when the review was its first (the card is new again)
 */
export function undoReview(state: CardState, review: ScheduledReview): CardState | null {
	if (review.state === State.New) return null;
	const log: ReviewLog = {
		rating: review.rating,
		state: review.state,
		due: new Date(review.logDue),
		stability: review.stability,
		difficulty: review.difficulty,
		elapsed_days: review.elapsedDays,
		last_elapsed_days: review.lastElapsedDays,
		scheduled_days: review.scheduledDays,
		learning_steps: review.learningSteps,
		review: new Date(review.time)
	};
	const previous = scheduler(review).rollback(toFsrsCard(state), log);
	return { ...fromFsrsCard(previous, state), due: review.dueBefore };
}

/**
 * Replays a card's scheduled answers in time order from a new card, as they were first recorded:
 * the card state the review log says it is in, and each review with the card's state before it.
 * Cram answers do not count. The state is null when no scheduled answer exists (the card is new).
 * @param identity what the log does not say: whether the card is retired, and a pending request
 *   ("Review mistakes") made after its last answer
 */
export function replayCard(
	identity: Pick<CardState, 'id' | 'deck' | 'retired' | 'requested'>,
	reviews: readonly Review[]
): { state: CardState | null; reviews: ScheduledReview[] } {
	const scheduled = reviews
		.filter((review): review is ScheduledReview => review.mode !== 'cram')
		.sort(inLogOrder);
	const first = scheduled[0];
	if (!first) return { state: null, reviews: [] };
	// A new card was stored before its first answer when it was asked for ("Review mistakes"): its
	// due date then is that moment, which the first answer recorded.
	const created = first.state === State.New ? Math.min(first.dueBefore, first.time) : first.time;
	let state = newCardState(identity.id, identity.deck, created);
	const replayed: ScheduledReview[] = [];
	for (const given of scheduled) {
		const next = answerCard(state, given.rating, given.time, given, given.durationMs, given.mode);
		state = next.state;
		replayed.push({
			...next.review,
			...(given.id === undefined ? {} : { id: given.id }),
			...(given.uid === undefined ? {} : { uid: given.uid })
		});
	}
	const last = scheduled.at(-1)?.time ?? first.time;
	const requested =
		identity.requested !== null && identity.requested > last ? identity.requested : null;
	return { state: { ...state, retired: identity.retired, requested }, reviews: replayed };
}

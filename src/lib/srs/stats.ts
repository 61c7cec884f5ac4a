import { studyDayEnd, studyDayKey, studyDayKeyBefore, studyDayStart } from './day';
import { Rating, State, type CardState, type Review } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How many cards are in each learning state. Retired cards are left out. */
export interface CardsByState {
	fresh: number;
	learning: number;
	review: number;
	relearning: number;
}

/**
 * Counts the flashcards of the current decks by state; cards never studied are new.
 * @param cardIds the flashcards of the current decks
 */
export function cardsByState(
	cardIds: readonly string[],
	states: ReadonlyMap<string, CardState>
): CardsByState {
	const counts: CardsByState = { fresh: 0, learning: 0, review: 0, relearning: 0 };
	for (const id of cardIds) {
		const state = states.get(id);
		if (state?.retired) continue;
		switch (state?.state ?? State.New) {
			case State.New:
				counts.fresh += 1;
				break;
			case State.Learning:
				counts.learning += 1;
				break;
			case State.Review:
				counts.review += 1;
				break;
			case State.Relearning:
				counts.relearning += 1;
				break;
		}
	}
	return counts;
}

/**
 * True retention: of the scheduled reviews of cards in the review state in the last `days` days,
 * the share that were remembered (any grade but Again). Null when there were none.
 */
export function trueRetention(
	reviews: readonly Review[],
	now: number,
	days = 30
): { rate: number | null; count: number } {
	const since = now - days * DAY_MS;
	let count = 0;
	let remembered = 0;
	for (const review of reviews) {
		if (review.mode !== 'review' || review.state !== State.Review || review.time < since) continue;
		count += 1;
		if (review.rating !== Rating.Again) remembered += 1;
	}
	return { rate: count === 0 ? null : remembered / count, count };
}

/**
 * Days in a row with at least one answer, ending today, or yesterday when nothing was studied yet
 * today (the streak is still alive until the day ends).
 * @param answersByDay answers per study day key (`YYYY-MM-DD`)
 */
export function studyStreak(
	answersByDay: ReadonlyMap<string, number>,
	now: number,
	dayStartHour: number
): number {
	let offset = (answersByDay.get(studyDayKey(now, dayStartHour)) ?? 0) > 0 ? 0 : 1;
	let streak = 0;
	while ((answersByDay.get(studyDayKeyBefore(now, offset, dayStartHour)) ?? 0) > 0) {
		streak += 1;
		offset += 1;
	}
	return streak;
}

/**
 * Cards coming due on each of the next `days` study days; day 0 is today and includes every card
 * already overdue.
 */
export function dueForecast(
	states: Iterable<CardState>,
	now: number,
	dayStartHour: number,
	days = 30
): number[] {
	const forecast = new Array<number>(days).fill(0);
	const todayEnd = studyDayEnd(now, dayStartHour);
	for (const state of states) {
		if (state.retired || state.state === State.New) continue;
		const day = state.due < todayEnd ? 0 : Math.floor((state.due - todayEnd) / DAY_MS) + 1;
		if (day < days) forecast[day] = (forecast[day] ?? 0) + 1;
	}
	return forecast;
}

/** The time ranges of the last `days` study days, oldest first, for counting answers per day. */
export function studyDayRanges(
	now: number,
	dayStartHour: number,
	days: number
): { key: string; start: number; end: number }[] {
	const ranges: { key: string; start: number; end: number }[] = [];
	let start = studyDayStart(now, dayStartHour);
	for (let i = 0; i < days; i++) {
		const end = studyDayEnd(start, dayStartHour);
		ranges.unshift({ key: studyDayKey(start, dayStartHour), start, end });
		// Step back into the previous day; noon is safely inside it whatever daylight saving does.
		start = studyDayStart(start - 12 * 60 * 60 * 1000, dayStartHour);
	}
	return ranges;
}

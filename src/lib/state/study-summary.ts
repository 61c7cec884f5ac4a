import type { CardState, Grade } from '$lib/srs/types';
import { Rating } from '$lib/srs/types';
import { previewDue } from '$lib/srs/scheduler';
import type { SchedulerParams } from '$lib/srs/types';

/** What a finished (or ended) session reports. */
export interface SessionSummary {
	/** Answers given, a card answered "Again" and then again counting twice. */
	answered: number;
	/** Different cards answered. */
	cards: number;
	/** Share of answers that were not "Again", 0 to 1. */
	accuracy: number;
	durationMs: number;
	/** When the next card of this scope comes due, or null when none is scheduled. */
	nextDue: number | null;
	/** Cards still to study today when the session was ended early (0 when it ran out). */
	left: number;
}

/** The figures of a session's summary. */
export function summarize(
	counts: { answered: number; again: number; cards: number; left: number },
	durationMs: number,
	nextDue: number | null
): SessionSummary {
	const { answered, again, cards, left } = counts;
	const accuracy = answered === 0 ? 0 : (answered - again) / answered;
	return { answered, cards, accuracy, durationMs, nextDue, left };
}

/** When the soonest of these cards comes due after `now`, or null when none is scheduled. */
export function nextDueOf(
	ids: Iterable<string>,
	states: ReadonlyMap<string, CardState>,
	now: number
): number | null {
	let nextDue: number | null = null;
	for (const id of ids) {
		const state = states.get(id);
		if (state && !state.retired && state.due > now && (nextDue === null || state.due < nextDue)) {
			nextDue = state.due;
		}
	}
	return nextDue;
}

/** How long from now each grade would bring a card back. */
export function gradeIntervals(
	state: CardState,
	now: number,
	params: SchedulerParams
): Record<Grade, number> {
	const due = previewDue(state, now, params);
	return {
		[Rating.Again]: due[Rating.Again] - now,
		[Rating.Hard]: due[Rating.Hard] - now,
		[Rating.Good]: due[Rating.Good] - now,
		[Rating.Easy]: due[Rating.Easy] - now
	};
}

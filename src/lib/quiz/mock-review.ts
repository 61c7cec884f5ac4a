import type { InterviewItem } from '$lib/content/types';
import { shuffled } from '$lib/random';
import { pointsOf } from './interview';

/** A key point missed in a mock interview, to work on next. */
export interface PointToWorkOn {
	/** The question it belongs to. */
	question: string;
	text: string;
	/** Met only from the candidate's own experience: worth preparing an example for. */
	evidence: boolean;
}

/**
 * The weakest key points of a mock interview: the points left unticked, those of the
 * lowest-scored answers first (in the order they are ticked within a question), at most `limit`.
 */
export function pointsToWorkOn(
	results: readonly {
		item: Pick<InterviewItem, 'question' | 'keyPoints'> & { evidence?: readonly string[] };
		score: number;
		/** null when not known (kept by an older version): none of its points is listed. */
		covered: readonly number[] | null;
	}[],
	limit = 5
): PointToWorkOn[] {
	return results
		.map((result, order) => ({ result, order }))
		.sort((a, b) => a.result.score - b.result.score || a.order - b.order)
		.flatMap(({ result }) =>
			pointsOf(result.item)
				.filter((_, index) => result.covered !== null && !result.covered.includes(index))
				.map((point) => ({ question: result.item.question, ...point }))
		)
		.slice(0, Math.max(0, limit));
}

/** A duration as minutes and seconds, `m:ss` (a screen reader reads it as a time). */
export function minutesAndSeconds(durationMs: number): string {
	const seconds = Math.max(0, Math.round(durationMs / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The time a follow-up question is asked on, in seconds: shorter than a question's. */
export const FOLLOW_UP_SECONDS = 60;

/**
 * Which questions of a mock interview an interviewer follows up, and with what: at least one and
 * at most half of them (rounded down, one for a single question), each with one of its own
 * follow-ups, picked by `random` (seeded by the session, so a resumed interview asks the same).
 * One entry per question: the follow-up, or null.
 */
export function followUpPlan(
	questions: readonly Pick<InterviewItem, 'followUps'>[],
	random: () => number
): (string | null)[] {
	// Decks stored by a version without follow-ups have none until they are updated.
	const followUps = questions.map((item) => item.followUps ?? []);
	const candidates = followUps.flatMap((list, index) => (list.length > 0 ? [index] : []));
	const most = Math.max(1, Math.floor(questions.length / 2));
	const count = Math.min(candidates.length, 1 + Math.floor(random() * most));
	const asked = new Set(shuffled(candidates, random).slice(0, count));
	return followUps.map((list, index) =>
		asked.has(index) ? (list[Math.floor(random() * list.length)] ?? null) : null
	);
}

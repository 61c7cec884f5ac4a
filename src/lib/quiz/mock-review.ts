import type { InterviewItem } from '$lib/content/types';
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
		covered: readonly number[];
	}[],
	limit = 5
): PointToWorkOn[] {
	return results
		.map((result, order) => ({ result, order }))
		.sort((a, b) => a.result.score - b.result.score || a.order - b.order)
		.flatMap(({ result }) =>
			pointsOf(result.item)
				.filter((_, index) => !result.covered.includes(index))
				.map((point) => ({ question: result.item.question, ...point }))
		)
		.slice(0, Math.max(0, limit));
}

/** A duration as minutes and seconds, `m:ss` (a screen reader reads it as a time). */
export function minutesAndSeconds(durationMs: number): string {
	const seconds = Math.max(0, Math.round(durationMs / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

import type { InterviewItem } from '$lib/content/types';

/** One answered question of a session. */
export interface InterviewResult {
	item: InterviewItem;
	score: number;
	durationMs: number;
	/** What the candidate typed, as stored (plain text). */
	notes: string;
	/** The key points ticked (indexes into pointsOf); null if kept by a version without them. */
	covered: number[] | null;
	/** The follow-up asked after it in a mock interview, and what the candidate typed; not scored. */
	followUp: FollowUpAnswer | null;
}

/** A follow-up question and the candidate's typed answer (plain text). */
export interface FollowUpAnswer {
	question: string;
	answer: string;
	durationMs: number;
}

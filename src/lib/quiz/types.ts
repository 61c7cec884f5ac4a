import type { QuizKind } from '$lib/content/types';

/** One question of a finished quiz, as kept in the history. */
export interface QuizAnswerRecord {
	/** The quiz item's id. */
	item: string;
	deck: string;
	topic: string;
	kind: QuizKind;
	correct: boolean;
}

/** A finished quiz, as kept in the history. */
export interface QuizAttempt {
	/** Assigned by the store. */
	id?: number;
	/** Its own id on every device (see `Review.uid`). */
	uid?: string;
	/** What was quizzed: `all`, a deck id, or `deck/topic`. */
	scope: string;
	kinds: QuizKind[];
	startedAt: number;
	finishedAt: number;
	correct: number;
	total: number;
	answers: QuizAnswerRecord[];
}

/** How a learner answered one interview question. */
export interface InterviewAnswer {
	/** Assigned by the store. */
	id?: number;
	/** Its own id on every device (see `Review.uid`). */
	uid?: string;
	/** The interview item's id. */
	item: string;
	deck: string;
	time: number;
	durationMs: number;
	/** Indexes of the key points the learner says they covered. */
	covered: number[];
	keyPoints: number;
	/** Share of key points covered, 0 to 1. */
	score: number;
	/** What the learner typed, if anything (kept on this device only). */
	notes: string;
	/** The mock interview this answer belongs to (its start time), or null for practice. */
	mock: number | null;
}

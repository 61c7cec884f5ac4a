import { deckOf } from '$lib/content/ids';
import type { InterviewItem } from '$lib/content/types';
import { gradeForScore, pointsOf } from '$lib/quiz/interview';
import type { StudyDatabase } from '$lib/storage/db';
import { recordAnswer } from './answers';

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

/** A scored answer to an interview question, as it is stored. */
export interface InterviewScore {
	item: InterviewItem;
	/** The key points ticked, in order. */
	covered: number[];
	score: number;
	/** What the candidate typed, as plain text. */
	notes: string;
	now: number;
	durationMs: number;
	/** The desired retention the question is scheduled with. */
	retention: number;
	/** When the mock interview it belongs to started; null in practice. */
	mock: number | null;
}

/**
 * Stores a scored answer: the question is scheduled like a card, by the share covered.
 * @returns the stored review's id, to take the score back
 */
export async function storeInterviewScore(
	db: StudyDatabase,
	answer: InterviewScore
): Promise<number | null> {
	const { item, covered, score, notes, now, durationMs, retention, mock } = answer;
	const { review } = await recordAnswer(db, {
		card: { id: item.id, deck: deckOf(item.id) },
		grade: gradeForScore(score),
		mode: 'interview',
		now,
		durationMs,
		params: { retention, fuzz: true },
		interview: { covered, keyPoints: pointsOf(item).length, score, notes, mock }
	});
	return review.id ?? null;
}

/**
 * What ending a session now would leave undone, in words (the page asks before it ends), or null
 * when nothing would be: a scored question is stored, a follow-up's answer is kept. A recording is
 * kept on its own, and said so; a mock interview says how many of its questions are not asked.
 * @param session the session (its typed answer is `notes`: a follow-up's is kept by ending)
 * @param recorded whether the answer on screen was recorded
 */
export function lostOnEnd(
	session: {
		phase: string;
		notes: string;
		mode: 'practice' | 'mock';
		index: number;
		questions: { length: number };
	},
	recorded = false
): string | null {
	const parts: string[] = [];
	const open = session.phase === 'reveal' || session.phase === 'answering';
	if (session.phase === 'reveal') {
		parts.push(
			'This question is not scored yet: your answer and the points you ticked are not kept.'
		);
	} else if (session.phase === 'answering' && session.notes.trim() !== '') {
		parts.push('Your answer to this question is not scored, and what you typed is not kept.');
	}
	if (open && recorded) {
		parts.push('Its recording stays on this device (Settings, Recorded answers).');
	}
	const rest = session.mode === 'mock' ? session.questions.length - session.index - 1 : 0;
	if (rest > 0) {
		parts.push(
			`${rest === 1 ? '1 question is' : `${rest} questions are`} not asked; the summary shows the ones you answered.`
		);
	}
	return parts.length > 0 ? parts.join(' ') : null;
}

import { seededRandom } from '$lib/content/hash';
import type { InterviewItem } from '$lib/content/types';
import { pointsOf } from '$lib/quiz/interview';
import { followUpPlan } from '$lib/quiz/mock-review';
import type { InterviewResult } from './interview-result';
import type { InterviewSnapshot } from './kept-schemas';

// What an interview session keeps after every step, and how it is read back: apart from the
// session's own steps, so that what is kept is read in one place.

/** The fields of an interview session that are kept. */
export interface InterviewState {
	readonly mode: 'practice' | 'mock';
	readonly questions: readonly InterviewItem[];
	readonly index: number;
	readonly phase: InterviewSnapshot['phase'];
	readonly shownAt: number;
	/** When the question (or follow-up) on screen was first shown: not moved on a resume. */
	readonly askedAt: number;
	/** How long the answer took, shown to revealed; null before the reveal. */
	readonly answeredMs: number | null;
	readonly covered: readonly number[];
	readonly notes: string;
	readonly results: readonly InterviewResult[];
	/** When the session started, epoch ms (practice or mock). */
	readonly startedAt: number;
	/** When a mock interview started (epoch ms, its id); null in practice. */
	readonly mockId: number | null;
	readonly followUps: readonly (string | null)[];
	readonly followUpNotes: string;
}

/** A kept interview read back (its questions and results found again in the decks), or a new one. */
export interface RestoredInterview extends InterviewState {
	readonly questions: InterviewItem[];
	/** The review of the score just saved, while it can be taken back. */
	readonly saved: number | null;
}

/**
 * A new session at `now`: its first question shown, nothing answered; a mock interview's id is when
 * it started, and seeds which of its questions get a follow-up.
 */
export function newInterview(
	mode: 'practice' | 'mock',
	questions: InterviewItem[],
	now: number
): RestoredInterview {
	const mockId = mode === 'mock' ? now : null;
	return {
		mode,
		questions,
		index: 0,
		phase: 'answering',
		shownAt: now,
		askedAt: now,
		answeredMs: null,
		covered: [],
		notes: '',
		results: [],
		startedAt: now,
		mockId,
		saved: null,
		followUps: mockId === null ? [] : followUpPlan(questions, seededRandom(String(mockId))),
		followUpNotes: ''
	};
}

/**
 * What is kept of a session; null once it ended with nothing scored.
 * @param saved the review of the score just saved, while it can be taken back
 * @param keptAt now: the clock stands still from here while the candidate is away
 */
export function snapshotOf(
	session: InterviewState,
	saved: number | null,
	keptAt: number
): InterviewSnapshot | null {
	if (session.phase === 'done' && session.results.length === 0) return null;
	return {
		mode: session.mode,
		questions: session.questions.map((item) => item.id),
		index: session.index,
		phase: session.phase,
		shownAt: session.shownAt,
		askedAt: session.askedAt,
		answeredMs: session.answeredMs,
		keptAt,
		covered: [...session.covered],
		notes: session.notes,
		results: session.results.map(({ item, ...rest }) => ({ item: item.id, ...rest })),
		mockId: session.mockId,
		startedAt: session.startedAt,
		saved,
		followUps: [...session.followUps],
		followUpNotes: session.followUpNotes
	};
}

/**
 * A kept interview where it was left, at `now`; null when one of its questions is no longer in
 * the decks.
 */
export function restored(
	questions: readonly InterviewItem[],
	kept: InterviewSnapshot,
	now: number
): RestoredInterview | null {
	const byId = (id: string) => questions.find((item) => item.id === id);
	const list = kept.questions.map(byId);
	const results = kept.results.map(({ item, ...rest }) => ({ item: byId(item), ...rest }));
	if (list.some((item) => !item) || results.some((result) => !result.item)) return null;
	const index = Math.min(kept.index, list.length - 1);
	const current = list[index]!;
	return {
		mode: kept.mode,
		questions: list as InterviewItem[],
		index,
		// A follow-up that cannot be shown again (never kept) leaves the question scored.
		phase: kept.phase === 'follow-up' && !kept.followUps[index] ? 'scored' : kept.phase,
		// The clock stood still while the candidate was away (from the last step kept to now).
		shownAt: now - Math.max(0, kept.keptAt - kept.shownAt),
		// Kept by versions before it: the shownAt kept is the nearest there is.
		askedAt: kept.askedAt ?? kept.shownAt,
		// Not known while answering; kept by versions before it, null (the schema's default), and
		// the score takes the time to the save.
		answeredMs: kept.phase === 'answering' ? null : kept.answeredMs,
		covered: kept.covered.filter((point) => point < pointsOf(current).length),
		notes: kept.notes,
		results: results as InterviewResult[],
		// Kept by versions before practice had one: a mock's id, else not known (0: every recording
		// is replayed, as those versions did).
		startedAt: kept.startedAt ?? kept.mockId ?? 0,
		mockId: kept.mockId,
		saved: kept.saved,
		followUps: kept.followUps,
		followUpNotes: kept.followUpNotes
	};
}

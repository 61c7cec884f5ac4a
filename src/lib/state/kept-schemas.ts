import * as v from 'valibot';
import { QUIZ_KINDS } from '$lib/content/types';

// What a kept session looks like (see kept-sessions.ts). Read back from IndexedDB, a snapshot is
// checked like any record that crosses a boundary: one written by another version is dropped.

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.finite());

const ScopeSchema = v.object({ deck: v.optional(v.string()), topic: v.optional(v.string()) });

/** A study or cram session: where it was and what it counted. */
export const StudySnapshotSchema = v.object({
	scope: ScopeSchema,
	mode: v.picklist(['review', 'cram']),
	/** The study day it belongs to (`YYYY-MM-DD`): a review session of another day is not resumed. */
	day: v.string(),
	startedAt: time,
	answered: count,
	again: count,
	/** Answers that were the first of a card in this session, so the summary counts cards. */
	cards: v.array(v.string()),
	/** The card on screen and its side. */
	current: v.nullable(v.string()),
	revealed: v.boolean(),
	/** Cram order (card ids, Again cards again later) and position. */
	cram: v.array(v.string()),
	cramIndex: count,
	/** Set once the session ended: its summary stays until the next session starts. */
	summary: v.nullable(
		v.object({
			answered: count,
			cards: count,
			accuracy: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
			durationMs: v.pipe(v.number(), v.minValue(0)),
			nextDue: v.nullable(time),
			left: count
		})
	)
});
export type StudySnapshot = v.InferOutput<typeof StudySnapshotSchema>;

const ResponseSchema = v.variant('kind', [
	v.object({ kind: v.literal('choice'), choice: count }),
	v.object({ kind: v.literal('order'), steps: v.array(v.string()) }),
	v.object({
		kind: v.literal('match'),
		pairs: v.array(v.object({ left: v.string(), right: v.string() }))
	})
]);

/** A quiz: its questions by id, the position, the answers so far and the feedback on screen. */
export const QuizSnapshotSchema = v.object({
	options: v.object({
		deck: v.optional(v.string()),
		topic: v.optional(v.string()),
		length: v.union([v.literal(10), v.literal(20), v.literal('all')]),
		kinds: v.array(v.picklist(QUIZ_KINDS))
	}),
	questions: v.pipe(v.array(v.string()), v.minLength(1)),
	startedAt: time,
	index: count,
	phase: v.picklist(['question', 'feedback', 'done']),
	result: v.nullable(v.object({ correct: v.boolean(), parts: v.array(v.boolean()) })),
	response: v.nullable(ResponseSchema),
	answers: v.array(
		v.object({
			item: v.string(),
			deck: v.string(),
			topic: v.string(),
			kind: v.picklist(QUIZ_KINDS),
			correct: v.boolean()
		})
	),
	finishedAt: v.nullable(time),
	saved: v.picklist(['no', 'saved']),
	reviewQueued: v.nullable(count),
	reviewLater: v.optional(count, 0)
});
export type QuizSnapshot = v.InferOutput<typeof QuizSnapshotSchema>;

/** An interview: its questions by id, the position, the clock, what was typed and ticked, and scores. */
export const InterviewSnapshotSchema = v.object({
	mode: v.picklist(['practice', 'mock']),
	questions: v.pipe(v.array(v.string()), v.minLength(1)),
	index: count,
	phase: v.picklist(['answering', 'reveal', 'scored', 'follow-up', 'done']),
	/** When the question on screen was shown, and when this was kept: its clock stops while away. */
	shownAt: time,
	keptAt: time,
	/**
	 * When the question on screen was first shown, never moved on a resume (a recording made since
	 * is this answer's); absent from snapshots kept before it.
	 */
	askedAt: v.optional(time),
	/** How long the answer took, shown to revealed; null before the reveal, absent from older snapshots. */
	answeredMs: v.optional(v.nullable(count), null),
	covered: v.array(count),
	notes: v.string(),
	results: v.array(
		v.object({
			item: v.string(),
			score: v.number(),
			durationMs: count,
			notes: v.string(),
			// Kept by versions before the summary listed missed points: unknown (null), so the
			// summary names no point of those as missed.
			covered: v.optional(v.nullable(v.array(count)), null),
			followUp: v.optional(
				v.nullable(v.object({ question: v.string(), answer: v.string(), durationMs: count })),
				null
			)
		})
	),
	mockId: v.nullable(time),
	/** When the session started, practice or mock; absent from snapshots kept before it. */
	startedAt: v.optional(time),
	/** The review of the score just saved, while it can be taken back. */
	saved: v.nullable(count),
	/** The follow-ups of a mock interview (one per question, or null) and the one being typed. */
	followUps: v.optional(v.array(v.nullable(v.string())), () => []),
	followUpNotes: v.optional(v.string(), '')
});
export type InterviewSnapshot = v.InferOutput<typeof InterviewSnapshotSchema>;

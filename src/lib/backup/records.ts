import * as v from 'valibot';
import { QUIZ_KINDS } from '$lib/content/types';
import type { InterviewAnswer, QuizAttempt } from '$lib/quiz/types';
import { SettingsSchema, settingRule, type SettingKey, type Settings } from '$lib/settings';
import {
	ITEM_ID,
	MAX_LIST,
	MAX_NOTES,
	days,
	deckId,
	difficulty,
	duration,
	flag,
	fsrsState,
	itemId,
	learningSteps,
	rating,
	retention,
	share,
	stability,
	time,
	whole
} from './fields';

// The history records (answers, quiz attempts, interview answers) and settings, each checked the
// same way wherever it comes from. A backup keys history records by the number they were stored
// under, sync by a random uid: each schema takes the key's field, so the rules are written once.
// (The checks after an object cast its output: TypeScript cannot tell that a generic key leaves
// the object's other fields required; the object's entries have checked them already.)

/**
 * An answer of the review log, keyed by `key` (a backup's `{ id }`, sync's `{ uid }`).
 * Objects are strict: a field the app does not know is refused.
 */
export function reviewSchema<const K extends v.ObjectEntries>(key: K) {
	const reviewBase = {
		...key,
		card: itemId,
		deck: deckId,
		rating,
		time,
		durationMs: duration
	};
	return v.variant(
		'mode',
		[
			v.strictObject({
				...reviewBase,
				mode: v.picklist(['review', 'interview']),
				state: fsrsState,
				logDue: time,
				dueBefore: time,
				stability,
				difficulty,
				elapsedDays: days,
				lastElapsedDays: days,
				scheduledDays: days,
				learningSteps,
				retention,
				fuzz: flag
			}),
			v.strictObject({ ...reviewBase, mode: v.literal('cram') })
		],
		(issue) =>
			issue.path?.at(-1)?.key === 'mode'
				? 'must be "review", "interview" or "cram"'
				: 'must be an answer (an object with a mode)'
	);
}

/** A finished quiz, keyed by `key` (see reviewSchema). */
export function quizAttemptSchema<const K extends v.ObjectEntries>(key: K) {
	return v.pipe(
		v.strictObject(
			{
				...key,
				scope: v.pipe(
					v.string('must be text'),
					v.maxLength(300, 'must be at most 300 characters long'),
					v.regex(ITEM_ID, 'must be "all", a deck id or a topic id')
				),
				kinds: v.pipe(
					v.array(
						v.picklist(QUIZ_KINDS, `must be one of ${QUIZ_KINDS.join(', ')}`),
						'must be a list'
					),
					v.maxLength(QUIZ_KINDS.length, 'lists more kinds than there are')
				),
				startedAt: time,
				finishedAt: time,
				correct: whole(MAX_LIST, `must be at most ${MAX_LIST}`),
				total: whole(MAX_LIST, `must be at most ${MAX_LIST}`),
				answers: v.pipe(
					v.array(
						v.strictObject(
							{
								item: itemId,
								deck: deckId,
								topic: itemId,
								kind: v.picklist(QUIZ_KINDS, `must be one of ${QUIZ_KINDS.join(', ')}`),
								correct: flag
							},
							'must be a quiz answer (an object)'
						),
						'must be a list'
					),
					v.maxLength(MAX_LIST, `must hold at most ${MAX_LIST} answers`)
				)
			},
			'must be a quiz attempt (an object)'
		),
		v.check(
			(attempt) => (attempt as QuizAttempt).correct <= (attempt as QuizAttempt).total,
			'counts more correct answers than answers'
		),
		v.check(
			(attempt) => (attempt as QuizAttempt).startedAt <= (attempt as QuizAttempt).finishedAt,
			'finished before it started'
		)
	);
}

/** How a learner answered one interview question, keyed by `key` (see reviewSchema). */
export function interviewAnswerSchema<const K extends v.ObjectEntries>(key: K) {
	return v.pipe(
		v.strictObject(
			{
				...key,
				item: itemId,
				deck: deckId,
				time,
				durationMs: duration,
				covered: v.pipe(
					v.array(whole(MAX_LIST, `must be at most ${MAX_LIST}`), 'must be a list'),
					v.maxLength(MAX_LIST, `must hold at most ${MAX_LIST} key points`)
				),
				keyPoints: whole(MAX_LIST, `must be at most ${MAX_LIST}`),
				score: share,
				notes: v.pipe(
					v.string('must be text'),
					v.maxLength(MAX_NOTES, `must be at most ${MAX_NOTES} characters long`)
				),
				mock: v.nullable(time)
			},
			'must be an interview answer (an object)'
		),
		v.check((answer) => {
			const { covered, keyPoints } = answer as InterviewAnswer;
			return covered.every((point) => point < keyPoints);
		}, 'covers a key point the question does not have')
	);
}

/** The fields of one setting: its key, and a value within the range SettingsSchema allows it. */
export function settingEntries<K extends SettingKey>(key: K) {
	return {
		key: v.literal(key),
		value: v.custom<Settings[K]>(
			(input) => v.is(SettingsSchema.entries[key], input),
			`must be ${settingRule(key)}`
		)
	};
}

import * as v from 'valibot';
import { factOf } from '$lib/content/ids';
import { QUIZ_KINDS } from '$lib/content/types';
import type { InterviewAnswer, QuizAttempt } from '$lib/quiz/types';
import {
	SETTING_KEYS,
	settingBounds,
	SettingsSchema,
	settingRule,
	type SettingKey,
	type Settings
} from '$lib/settings';
import { Rating, State, type CardState, type Review } from '$lib/srs/types';
import { LIMITS } from '$lib/limits';

/** What the `format` field of every progress backup says. */
export const BACKUP_FORMAT = 'cto-prep-progress';

/** The newest backup version this app reads and the one it writes. */
export const BACKUP_VERSION = 1;

/** The stores a backup holds, in file order (decks are not progress: they come from the site). */
export const BACKUP_SECTIONS = [
	'cards',
	'reviews',
	'quizAttempts',
	'interviewAnswers',
	'settings'
] as const;

export type BackupSection = (typeof BACKUP_SECTIONS)[number];

/**
 * The most records a section may hold. Far above what years of study produce (a deck has about a
 * thousand items), low enough that a hostile file cannot make the app store millions of records.
 */
export const MAX_RECORDS: Readonly<Record<BackupSection, number>> = {
	cards: 50_000,
	reviews: 400_000,
	quizAttempts: 50_000,
	interviewAnswers: 100_000,
	settings: SETTING_KEYS.length
};

/** Item ids are slugs joined by slashes: `roles/strategic-roles/technology-strategy/basic`. */
export const ITEM_ID = /^[a-z0-9]+(?:[/-]+[a-z0-9]+)*$/;
const DECK_ID = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
const MAX_NOTES = 100_000;
const MAX_LIST = 1_000;

const ID_RULE = 'must look like an item id (lower-case letters, digits, hyphens and slashes)';

const itemId = v.pipe(
	v.string('must be an item id (text)'),
	v.maxLength(300, 'must be at most 300 characters long'),
	v.regex(ITEM_ID, ID_RULE)
);
const deckId = v.pipe(
	v.string('must be a deck id (text)'),
	v.maxLength(100, 'must be at most 100 characters long'),
	v.regex(DECK_ID, 'must look like a deck id (lower-case letters, digits and hyphens)')
);
const whole = (max: number, rule: string) =>
	v.pipe(
		v.number('must be a number'),
		v.integer('must be a whole number'),
		v.minValue(0, 'must not be negative'),
		v.maxValue(max, rule)
	);
const between = (min: number, max: number) =>
	v.pipe(
		v.number('must be a number'),
		v.finite('must be a finite number'),
		v.minValue(min, `must be between ${min} and ${max}`),
		v.maxValue(max, `must be between ${min} and ${max}`)
	);
/**
 * The key a record was stored under. An import never stores it (records get new keys, so no file
 * can exhaust a store's key generator); it only orders records and must be unique.
 */
const storeId = v.pipe(
	v.number('must be a number'),
	v.integer('must be a whole number'),
	v.minValue(1, 'must be 1 or more'),
	v.maxValue(Number.MAX_SAFE_INTEGER, 'is too large')
);
const dateRule = 'must be a date between November 2026 and the year 2300';
/** Any time the app writes. How far after the file's export a time may be is checked afterwards. */
const time = v.pipe(
	v.number('must be a time in milliseconds'),
	v.integer('must be a whole number of milliseconds'),
	v.minValue(LIMITS.appEpoch, dateRule),
	v.maxValue(LIMITS.latest, dateRule)
);
const flag = v.boolean('must be true or false');
const rating = v.picklist(
	[Rating.Again, Rating.Hard, Rating.Good, Rating.Easy],
	'must be 1, 2, 3 or 4'
);
const fsrsState = v.picklist(
	[State.New, State.Learning, State.Review, State.Relearning],
	'must be 0, 1, 2 or 3 (new, learning, review or relearning)'
);
/** FSRS memory stability in days: 0 for a new card, else ts-fsrs keeps it within 0.001–36,500. */
const stability = between(0, LIMITS.maxStability);
/** FSRS difficulty: 0 for a new card, else ts-fsrs keeps it within 1–10. */
const difficulty = v.pipe(
	between(0, 10),
	v.check((value) => value === 0 || value >= 1, 'must be 0 (a new card) or between 1 and 10')
);
/** Whole days: no interval or gap ts-fsrs computes is longer than its maximum interval. */
const days = whole(LIMITS.maxIntervalDays, `must be at most ${LIMITS.maxIntervalDays} days`);
/** The step within ts-fsrs's learning or relearning steps (two and one step long). */
const learningSteps = whole(LIMITS.maxLearningStep, `must be at most ${LIMITS.maxLearningStep}`);
/** Times answered: every answer is a review in the file, so no card has more. */
const count = whole(MAX_RECORDS.reviews, `must be at most ${MAX_RECORDS.reviews}`);
/** Time spent on one answer: the app keeps at most an hour (a card left open counts an hour). */
const duration = v.pipe(
	v.number('must be a number'),
	v.finite('must be a finite number'),
	v.minValue(0, 'must not be negative'),
	v.maxValue(LIMITS.maxAnswerMs, 'must be at most an hour (3,600,000 ms)')
);
/** The desired retention an answer was scheduled with: the setting's own range. */
const retentionRange = settingBounds('desiredRetention');
const retention = between(retentionRange.min, retentionRange.max);
const share = between(0, 1);

const CardSchema = v.pipe(
	v.strictObject(
		{
			id: itemId,
			deck: deckId,
			fact: itemId,
			due: time,
			stability,
			difficulty,
			elapsedDays: days,
			scheduledDays: days,
			learningSteps,
			reps: count,
			lapses: count,
			state: fsrsState,
			lastReview: v.nullable(time),
			retired: flag,
			requested: v.nullable(time)
		},
		'must be a card state (an object)'
	),
	v.check(
		(card) => card.fact === factOf(card.id),
		'has a fact that is not its id without the kind'
	),
	v.check((card) => card.lapses <= card.reps, 'has more lapses than answers')
);

const reviewBase = {
	id: storeId,
	card: itemId,
	deck: deckId,
	rating,
	time,
	durationMs: duration
};

const ReviewSchema = v.variant(
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

const QuizAttemptSchema = v.pipe(
	v.strictObject(
		{
			id: storeId,
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
		(attempt) => attempt.correct <= attempt.total,
		'counts more correct answers than answers'
	),
	v.check((attempt) => attempt.startedAt <= attempt.finishedAt, 'finished before it started')
);

const InterviewAnswerSchema = v.pipe(
	v.strictObject(
		{
			id: storeId,
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
	v.check(
		(answer) => answer.covered.every((point) => point < answer.keyPoints),
		'covers a key point the question does not have'
	)
);

function settingSchema<K extends SettingKey>(key: K) {
	return v.strictObject({
		key: v.literal(key),
		value: v.custom<Settings[K]>(
			(input) => v.is(SettingsSchema.entries[key], input),
			`must be ${settingRule(key)}`
		)
	});
}

const SettingSchema = v.variant(
	'key',
	SETTING_KEYS.map((key) => settingSchema(key)),
	(issue) =>
		issue.path?.at(-1)?.key === 'key'
			? `must be one of the settings ${SETTING_KEYS.join(', ')}`
			: 'must be a setting (an object with a key and a value)'
);

/** The whole file, as checked on import. Objects are strict: a field the app does not know is refused. */
export const BackupSchema = v.strictObject({
	format: v.literal(BACKUP_FORMAT),
	version: v.literal(BACKUP_VERSION),
	exportedAt: v.pipe(
		v.string('must be a date and time (text)'),
		v.isoTimestamp('must be a date and time such as 2026-11-23T09:00:00.000Z'),
		v.check((text) => {
			const at = Date.parse(text);
			return at >= LIMITS.appEpoch && at <= LIMITS.latest;
		}, dateRule)
	),
	cards: v.array(CardSchema, 'must be a list of card states'),
	reviews: v.array(ReviewSchema, 'must be a list of answers'),
	quizAttempts: v.array(QuizAttemptSchema, 'must be a list of quiz attempts'),
	interviewAnswers: v.array(InterviewAnswerSchema, 'must be a list of interview answers'),
	settings: v.array(SettingSchema, 'must be a list of settings')
});

/** A stored record of an auto-increment store: it always has its id. */
type WithId<T extends { id?: number }> = T & { id: number };

/** One setting, as the settings store keeps it. */
export type BackupSetting = { [K in SettingKey]: { key: K; value: Settings[K] } }[SettingKey];

/**
 * A progress backup: every record of the learner's progress. Records of the history stores carry
 * the key they were stored under, which keeps their order; an import stores them under new keys.
 */
export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	/** When the backup was made, as an ISO 8601 string. */
	exportedAt: string;
	cards: CardState[];
	reviews: WithId<Review>[];
	quizAttempts: WithId<QuizAttempt>[];
	interviewAnswers: WithId<InterviewAnswer>[];
	settings: BackupSetting[];
}

/** Checked by the compiler: what the schema lets through is a Backup. */
export function asBackup(checked: v.InferOutput<typeof BackupSchema>): Backup {
	return checked;
}

import * as v from 'valibot';
import { QUIZ_KINDS } from '$lib/content/types';
import type { InterviewAnswer, QuizAttempt } from '$lib/quiz/types';
import { Rating, State, type CardState, type Review } from '$lib/srs/types';
import { SettingsSchema, type SettingKey, type Settings } from './settings';

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
	settings: Object.keys(SettingsSchema.entries).length
};

/** Item ids are slugs joined by slashes: `roles/strategic-roles/technology-strategy/basic`. */
export const ITEM_ID = /^[a-z0-9]+(?:[/-]+[a-z0-9]+)*$/;
const DECK_ID = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2300, 0, 1);
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
const count = v.pipe(
	v.number('must be a number'),
	v.integer('must be a whole number'),
	v.minValue(0, 'must not be negative'),
	v.maxValue(Number.MAX_SAFE_INTEGER, 'is too large')
);
const storeId = v.pipe(
	v.number('must be a number'),
	v.integer('must be a whole number'),
	v.minValue(1, 'must be 1 or more'),
	v.maxValue(Number.MAX_SAFE_INTEGER, 'is too large')
);
const amount = v.pipe(
	v.number('must be a number'),
	v.finite('must be a finite number'),
	v.minValue(0, 'must not be negative')
);
const time = v.pipe(
	v.number('must be a time in milliseconds'),
	v.integer('must be a whole number of milliseconds'),
	v.minValue(EARLIEST, 'must be a date between the years 2000 and 2300'),
	v.maxValue(LATEST, 'must be a date between the years 2000 and 2300')
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
const difficulty = v.pipe(amount, v.maxValue(10, 'must be between 0 and 10'));
const share = v.pipe(amount, v.maxValue(1, 'must be between 0 and 1'));
const retention = v.pipe(
	v.number('must be a number'),
	v.gtValue(0, 'must be between 0 and 1'),
	v.ltValue(1, 'must be between 0 and 1')
);

/** The id of a card's fact: its id without the kind (as `factOf` in the scheduler). */
function factOf(cardId: string): string {
	return cardId.slice(0, cardId.lastIndexOf('/'));
}

const CardSchema = v.pipe(
	v.strictObject(
		{
			id: itemId,
			deck: deckId,
			fact: itemId,
			due: time,
			stability: amount,
			difficulty,
			elapsedDays: count,
			scheduledDays: count,
			learningSteps: count,
			reps: count,
			lapses: count,
			state: fsrsState,
			lastReview: v.nullable(time),
			retired: flag,
			requested: v.nullable(time)
		},
		'must be a card state (an object)'
	),
	v.check((card) => card.fact === factOf(card.id), 'has a fact that is not its id without the kind')
);

const reviewBase = {
	id: storeId,
	card: itemId,
	deck: deckId,
	rating,
	time,
	durationMs: amount
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
			stability: amount,
			difficulty,
			elapsedDays: count,
			lastElapsedDays: count,
			scheduledDays: count,
			learningSteps: count,
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
			correct: count,
			total: count,
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
			durationMs: amount,
			covered: v.pipe(
				v.array(count, 'must be a list'),
				v.maxLength(MAX_LIST, `must hold at most ${MAX_LIST} key points`)
			),
			keyPoints: v.pipe(count, v.maxValue(MAX_LIST, `must be at most ${MAX_LIST}`)),
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

const settingKeys = Object.keys(SettingsSchema.entries) as SettingKey[];

/** The range a setting allows, read from SettingsSchema so that it is written down once. */
export function settingBounds(key: SettingKey): { min: number; max: number; integer: boolean } {
	const bounds = { min: -Infinity, max: Infinity, integer: false };
	const actions: readonly { type: string; requirement?: unknown }[] =
		SettingsSchema.entries[key].pipe;
	for (const action of actions) {
		if (action.type === 'min_value') bounds.min = Number(action.requirement);
		if (action.type === 'max_value') bounds.max = Number(action.requirement);
		if (action.type === 'integer') bounds.integer = true;
	}
	return bounds;
}

/** What a setting allows, in words: "a whole number from 0 to 9999". */
export function settingRule(key: SettingKey): string {
	const { min, max, integer } = settingBounds(key);
	return `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;
}

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
	settingKeys.map((key) => settingSchema(key)),
	(issue) =>
		issue.path?.at(-1)?.key === 'key'
			? `must be one of the settings ${settingKeys.join(', ')}`
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
			return at >= EARLIEST && at <= LATEST;
		}, 'must be a date between the years 2000 and 2300')
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
 * A progress backup: every record of the learner's progress, with the keys it is stored under, so
 * that importing it restores exactly what was exported.
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

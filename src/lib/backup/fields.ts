import * as v from 'valibot';
import { LIMITS } from '$lib/limits';
import { SETTING_KEYS, settingBounds } from '$lib/settings';
import { Rating, State } from '$lib/srs/types';

// The fields of a backup's records, each with its rule and the words that say it.

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

/** The most answers of the candidate's own a backup may hold (one per interview question). */
export const MAX_MY_ANSWERS = 10_000;

/** Item ids are slugs joined by slashes: `roles/strategic-roles/technology-strategy/basic`. */
export const ITEM_ID = /^[a-z0-9]+(?:[/-]+[a-z0-9]+)*$/;
export const DECK_ID = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
export const MAX_NOTES = 100_000;
export const MAX_LIST = 1_000;

export const ID_RULE =
	'must look like an item id (lower-case letters, digits, hyphens and slashes)';

export const itemId = v.pipe(
	v.string('must be an item id (text)'),
	v.maxLength(300, 'must be at most 300 characters long'),
	v.regex(ITEM_ID, ID_RULE)
);
export const deckId = v.pipe(
	v.string('must be a deck id (text)'),
	v.maxLength(100, 'must be at most 100 characters long'),
	v.regex(DECK_ID, 'must look like a deck id (lower-case letters, digits and hyphens)')
);
export const whole = (max: number, rule: string) =>
	v.pipe(
		v.number('must be a number'),
		v.integer('must be a whole number'),
		v.minValue(0, 'must not be negative'),
		v.maxValue(max, rule)
	);
export const between = (min: number, max: number) =>
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
export const storeId = v.pipe(
	v.number('must be a number'),
	v.integer('must be a whole number'),
	v.minValue(1, 'must be 1 or more'),
	v.maxValue(Number.MAX_SAFE_INTEGER, 'is too large')
);
/** What `crypto.randomUUID()` returns: a version 4 UUID in lower case. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** A record's own id, the same on every device (see `Review.uid`): a random UUID. */
export const uid = v.pipe(
	v.string('must be a uid (text)'),
	v.regex(UUID, 'must be a random uid such as crypto.randomUUID() gives')
);
export const dateRule = 'must be a date between November 2026 and the year 2300';
/** Any time the app writes. How far after the file's export a time may be is checked afterwards. */
export const time = v.pipe(
	v.number('must be a time in milliseconds'),
	v.integer('must be a whole number of milliseconds'),
	v.minValue(LIMITS.appEpoch, dateRule),
	v.maxValue(LIMITS.latest, dateRule)
);
export const flag = v.boolean('must be true or false');
export const rating = v.picklist(
	[Rating.Again, Rating.Hard, Rating.Good, Rating.Easy],
	'must be 1, 2, 3 or 4'
);
export const fsrsState = v.picklist(
	[State.New, State.Learning, State.Review, State.Relearning],
	'must be 0, 1, 2 or 3 (new, learning, review or relearning)'
);
/** FSRS memory stability in days: 0 for a new card, else ts-fsrs keeps it within 0.001–36,500. */
export const stability = between(0, LIMITS.maxStability);
/** FSRS difficulty: 0 for a new card, else ts-fsrs keeps it within 1–10. */
export const difficulty = v.pipe(
	between(0, 10),
	v.check((value) => value === 0 || value >= 1, 'must be 0 (a new card) or between 1 and 10')
);
/** Whole days: no interval or gap ts-fsrs computes is longer than its maximum interval. */
export const days = whole(LIMITS.maxIntervalDays, `must be at most ${LIMITS.maxIntervalDays} days`);
/** The step within ts-fsrs's learning or relearning steps (two and one step long). */
export const learningSteps = whole(
	LIMITS.maxLearningStep,
	`must be at most ${LIMITS.maxLearningStep}`
);
/** Times answered: every answer is a review in the file, so no card has more. */
export const count = whole(MAX_RECORDS.reviews, `must be at most ${MAX_RECORDS.reviews}`);
/** Time spent on one answer: the app keeps at most an hour (a card left open counts an hour). */
export const duration = v.pipe(
	v.number('must be a number'),
	v.finite('must be a finite number'),
	v.minValue(0, 'must not be negative'),
	v.maxValue(LIMITS.maxAnswerMs, 'must be at most an hour (3,600,000 ms)')
);
/** The desired retention an answer was scheduled with: the setting's own range. */
export const retentionRange = settingBounds('desiredRetention');
export const retention = between(retentionRange.min, retentionRange.max);
export const share = between(0, 1);

import * as v from 'valibot';
import { factOf } from '$lib/content/ids';
import type { CardMark } from '$lib/marks/marks';
import type { MyAnswer } from '$lib/quiz/my-answer';
import type { InterviewAnswer, QuizAttempt } from '$lib/quiz/types';
import { SETTING_KEYS, type SettingKey, type Settings } from '$lib/settings';
import { LIMITS } from '$lib/limits';
import { MarksSchema } from './marks';
import { MyAnswersSchema } from './my-answers';
import { OwnDecksSchema, type BackupOwnDeck } from './own-decks';
import { interviewAnswerSchema, quizAttemptSchema, reviewSchema, settingEntries } from './records';
import { BackupRecordingsSchema, type BackupRecording } from './recordings';
import { InterviewDateSchema, type InterviewDate } from '$lib/srs/plan';
import type { CardState, Review } from '$lib/srs/types';
import {
	count,
	dateRule,
	days,
	deckId,
	difficulty,
	flag,
	fsrsState,
	itemId,
	learningSteps,
	stability,
	storeId,
	time,
	uid
} from './fields';

/** What the `format` field of every progress backup says. */
export const BACKUP_FORMAT = 'cto-prep-progress';

/**
 * The backup version this app writes, the newest it reads. Version 2 added the interview date,
 * the candidate's own answers and (when asked for) recordings, version 3 the learner's own decks,
 * version 4 the marks on cards (suspended, flagged, a note: see marks.ts) and own notes' text (in
 * base64: see own-decks.ts), version 5 the history records' own ids (`uid`); an older app then says the file is from a newer version instead of
 * naming a field it does not know.
 */
export const BACKUP_VERSION = 5;

/** Every version this app reads: older files are newer ones without the later sections. */
export const READABLE_VERSIONS = [1, 2, 3, 4, 5] as const;

export {
	BACKUP_SECTIONS,
	MAX_MY_ANSWERS,
	MAX_RECORDS,
	ITEM_ID,
	type BackupSection
} from './fields';

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

// Records keep the id they have on every device (version 5; absent in older files).
const ReviewSchema = reviewSchema({ id: storeId, uid: v.optional(uid) });
const QuizAttemptSchema = quizAttemptSchema({ id: storeId, uid: v.optional(uid) });
const InterviewAnswerSchema = interviewAnswerSchema({ id: storeId, uid: v.optional(uid) });

const SettingSchema = v.variant(
	'key',
	SETTING_KEYS.map((key) => v.strictObject(settingEntries(key))),
	(issue) =>
		issue.path?.at(-1)?.key === 'key'
			? `must be one of the settings ${SETTING_KEYS.join(', ')}`
			: 'must be a setting (an object with a key and a value)'
);

/** The whole file, as checked on import. Objects are strict: a field the app does not know is refused. */
export const BackupSchema = v.strictObject({
	format: v.literal(BACKUP_FORMAT),
	version: v.picklist(READABLE_VERSIONS),
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
	settings: v.array(SettingSchema, 'must be a list of settings'),
	// Files made before the interview date was backed up have none: an import keeps the device's.
	interviewDate: v.optional(v.nullable(InterviewDateSchema)),
	// Files made before the candidate's own answers were backed up have none: an import keeps the
	// device's.
	myAnswers: v.optional(MyAnswersSchema),
	// Only when the user asked for them: without, an import keeps the device's recordings.
	recordings: v.optional(BackupRecordingsSchema),
	// Files made before own decks were kept have none: an import keeps the device's.
	ownDecks: v.optional(OwnDecksSchema),
	// Files made before marks were kept have none: an import keeps the device's.
	marks: v.optional(MarksSchema)
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
	version: (typeof READABLE_VERSIONS)[number];
	/** When the backup was made, as an ISO 8601 string. */
	exportedAt: string;
	cards: CardState[];
	reviews: WithId<Review>[];
	quizAttempts: WithId<QuizAttempt>[];
	interviewAnswers: WithId<InterviewAnswer>[];
	settings: BackupSetting[];
	/** The learner's interview date (null: none set); absent in files made before it was kept. */
	interviewDate?: InterviewDate | null;
	/** The candidate's own answers (STAR and notes); absent in files made before they were kept. */
	myAnswers?: MyAnswer[];
	/** Recordings of spoken answers, only when the user asked for them. */
	recordings?: BackupRecording[];
	/** The learner's own decks (imported cards); absent in files made before they were kept. */
	ownDecks?: BackupOwnDeck[];
	/** Cards suspended, flagged or noted; absent in files made before they were kept. */
	marks?: CardMark[];
}

/** Checked by the compiler: what the schema lets through is a Backup. */
export function asBackup(checked: v.InferOutput<typeof BackupSchema>): Backup {
	return checked;
}

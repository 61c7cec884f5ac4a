import * as v from 'valibot';
import { MyAnswerRecordSchema } from '$lib/backup/my-answers';
import { OwnDeckRecordSchema } from '$lib/backup/own-decks';
import {
	interviewAnswerSchema,
	quizAttemptSchema,
	reviewSchema,
	settingEntries
} from '$lib/backup/records';
import { uid } from '$lib/backup/fields';
import { LIMITS } from '$lib/limits';
import { CardMarkSchema } from '$lib/marks/marks';
import { SETTING_KEYS } from '$lib/settings';
import { parseHlc, type Hlc } from './hlc';

// The plaintext bodies of synced documents, one schema per kind, each built from the backup's
// schema of the same record: a record syncs exactly when a backup could hold it. History records
// (answers, quiz attempts, interview answers) never change once written and are keyed by a random
// uid; per-key records (settings, marks, own answers, own decks) carry the HLC of their last edit,
// and the newest edit of a key wins.

/** The HLC of a per-key record's last edit, as formatHlc writes it, within the app's dates. */
const hlc = v.pipe(
	v.string('must be a clock reading (text)'),
	v.maxLength(80, 'must be at most 80 characters long'),
	v.check((text) => {
		const clock = parseHlc(text);
		return clock !== null && clock.wall >= LIMITS.appEpoch && clock.wall <= LIMITS.latest;
	}, 'must be a clock reading (wall-counter-device) between November 2026 and the year 2300')
);

const ReviewBodySchema = v.strictObject({
	kind: v.literal('review'),
	review: reviewSchema({ uid })
});

const QuizAttemptBodySchema = v.strictObject({
	kind: v.literal('quizAttempt'),
	attempt: quizAttemptSchema({ uid })
});

const InterviewAnswerBodySchema = v.strictObject({
	kind: v.literal('interviewAnswer'),
	answer: interviewAnswerSchema({ uid })
});

const SettingBodySchema = v.variant(
	'key',
	SETTING_KEYS.map((key) =>
		v.strictObject({ kind: v.literal('setting'), ...settingEntries(key), hlc })
	),
	(issue) =>
		issue.path?.at(-1)?.key === 'key'
			? `must be one of the settings ${SETTING_KEYS.join(', ')}`
			: 'must be a setting (an object with a key and a value)'
);

const MarkBodySchema = v.strictObject({ kind: v.literal('mark'), mark: CardMarkSchema, hlc });

const MyAnswerBodySchema = v.strictObject({
	kind: v.literal('myAnswer'),
	answer: MyAnswerRecordSchema,
	hlc
});

const OwnDeckBodySchema = v.strictObject({
	kind: v.literal('ownDeck'),
	deck: OwnDeckRecordSchema,
	hlc
});

/**
 * Every kind of synced body: the prefix of its documents' ids, the words that name it, the
 * longest JSON it may take (far above the largest record its schema allows, its text written
 * with JSON's escapes, so that only a hostile body is refused for size) and its schema.
 */
export const SYNC_KINDS = {
	review: {
		prefix: 'r',
		label: 'answer to a card',
		maxCharacters: 4_000,
		schema: ReviewBodySchema
	},
	quizAttempt: {
		prefix: 'q',
		label: 'quiz attempt',
		// At most 1,000 answers of three ids of up to 300 characters each.
		maxCharacters: 1_500_000,
		schema: QuizAttemptBodySchema
	},
	interviewAnswer: {
		prefix: 'i',
		label: 'interview answer',
		// Notes of up to 100,000 characters, each at most six when escaped.
		maxCharacters: 700_000,
		schema: InterviewAnswerBodySchema
	},
	setting: { prefix: 's', label: 'setting', maxCharacters: 1_000, schema: SettingBodySchema },
	mark: { prefix: 'm', label: 'card mark', maxCharacters: 16_000, schema: MarkBodySchema },
	myAnswer: {
		prefix: 'a',
		label: 'answer of your own',
		// Five parts of up to 4,000 characters.
		maxCharacters: 150_000,
		schema: MyAnswerBodySchema
	},
	ownDeck: {
		prefix: 'd',
		label: 'deck of your own',
		// What one document on the server can hold (see MAX_SEALED_CHARACTERS).
		maxCharacters: 5_800_000,
		schema: OwnDeckBodySchema
	}
} as const;

/** The kind of a synced body. */
export type SyncKind = keyof typeof SYNC_KINDS;

/** A synced body of one kind, as checked. */
export type SyncBodyOf<K extends SyncKind> = v.InferOutput<(typeof SYNC_KINDS)[K]['schema']>;

/** Any synced body, as checked. */
export type SyncBody = { [K in SyncKind]: SyncBodyOf<K> }[SyncKind];

/** The uid of a history body, or null for a per-key body. */
export function uidOf(body: SyncBody): string | null {
	switch (body.kind) {
		case 'review':
			return body.review.uid;
		case 'quizAttempt':
			return body.attempt.uid;
		case 'interviewAnswer':
			return body.answer.uid;
		default:
			return null;
	}
}

/** The natural key of a per-key body (a setting's name, a card's or a deck's id), or null. */
export function naturalKeyOf(body: SyncBody): string | null {
	switch (body.kind) {
		case 'setting':
			return body.key;
		case 'mark':
			return body.mark.item;
		case 'myAnswer':
			return body.answer.item;
		case 'ownDeck':
			return body.deck.id;
		default:
			return null;
	}
}

/**
 * The clock reading of a per-key body's last edit, which decides the newest edit of its key
 * (see compareHlc), or null for a history body, which never changes.
 */
export function hlcOf(body: SyncBody): Hlc | null {
	return 'hlc' in body ? parseHlc(body.hlc) : null;
}

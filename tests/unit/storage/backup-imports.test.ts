import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '$lib/backup/errors';
import { serializeBackup } from '$lib/backup/file';
import { checkBackupSize, MAX_BACKUP_CHARACTERS, parseBackup } from '$lib/backup/parse';
import { exportProgress, importProgress } from '$lib/storage/backup';
import { recordAnswer } from '$lib/state/answers';
import type { StudyDatabase } from '$lib/storage/db';
import { storeDeck } from '$lib/storage/decks';
import { saveQuizAttempt } from '$lib/storage/history';
import { saveMeta, saveSetting } from '$lib/storage/settings';
import { Rating } from '$lib/srs/types';
import { deckFrom, TERMS } from '../content/notes';
import { freshDB } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
/** When the corpus's files are imported: after they were made (27 November 2026). */
const IMPORTED_AT = Date.UTC(2026, 10, 28, 9, 0);
const PARAMS = { retention: 0.9, fuzz: false };
const CORPUS = join(import.meta.dirname, '../fixtures/bad-imports');

/** What each bad file's refusal must say. A file without an entry fails the test. */
const EXPECTED: Record<string, string> = {
	'array.json': 'The file holds a list, not a CTO Prep progress backup',
	'constructor-key.json': 'settings[1] has a field named "constructor", which is refused',
	'covered-point-out-of-range.json':
		'interviewAnswers[0] covers a key point the question does not have',
	'date-out-of-range.json':
		'reviews[0].time must be a date between November 2026 and the year 2300',
	'decks-included.json': 'The file has a field "decks" that a progress backup does not have',
	'deeply-nested.json':
		'cards[0][0][0][0][0][0] is nested deeper than anything in a progress backup',
	'duplicate-card-id.json': 'cards[3] has the same card id',
	'duplicate-review-id.json': 'reviews[4] has the same id (1) as an earlier record',
	'duplicate-setting.json': 'settings[2] has the same key ("newPerDay")',
	'empty.json': 'The file is empty',
	'exported-at-not-a-date.json': 'exportedAt must be a date and time',
	'fractional-count.json': 'cards[0].lapses must be a whole number',
	'future-version.json': 'made by a newer version of the app',
	'html-in-id.json': 'cards[0].id contains HTML or a script',
	'html-in-key.json': 'cards[1] has a field name with HTML or a script in it',
	'html-page.txt': 'it is not valid JSON',
	'infinite-number.json': 'cards[2].stability must be a finite number',
	'invalid-fsrs-state.json': 'cards[0].state must be 0, 1, 2 or 3',
	'invalid-review-state.json': 'reviews[2].state must be 0, 1, 2 or 3',
	'javascript-url.json': 'quizAttempts[0].scope contains HTML or a script',
	'missing-field.json': 'cards[0].due is missing',
	'missing-format.json': 'This is not a CTO Prep progress backup: its format is missing',
	'missing-section.json': 'The backup has no "reviews" section',
	'nan-text.json': 'cards[0].stability must be a number',
	'negative-count.json': 'cards[1].reps must not be negative',
	'negative-date.json': 'cards[2].due must be a date between November 2026 and the year 2300',
	'not-json.txt': 'it is not valid JSON',
	'null-record.json': 'reviews[1] must be an answer',
	'null.json': 'The file holds only null',
	'number.json': 'The file holds only a number',
	'old-version.json': 'This backup has an unknown version (0)',
	'path-in-id.json': 'cards[1].id must look like an item id',
	'proto-key-in-card.json': 'cards[0] has a field named "__proto__", which is refused',
	'proto-key.json': 'The file has a field named "__proto__", which is refused',
	'prototype-key.json': 'quizAttempts[0].answers[0] has a field named "prototype"',
	'quiz-more-correct-than-total.json': 'quizAttempts[0] counts more correct answers than answers',
	'quiz-unknown-kind.json': 'quizAttempts[0].answers[1].kind must be one of mcq, truefalse',
	'rating-manual.json': 'reviews[1].rating must be 1, 2, 3 or 4',
	'rating-out-of-range.json': 'reviews[3].rating must be 1, 2, 3 or 4',
	'review-id-zero.json': 'reviews[0].id must be 1 or more',
	'review-in-wrong-deck.json': 'reviews[2] says its card',
	'review-of-unknown-card.json':
		'reviews[0] is an answer to the card "roles/unknown-topic/unknown-fact/basic", which has no card state',
	'score-out-of-range.json': 'interviewAnswers[0].score must be between 0 and 1',
	'script-in-notes.json': 'interviewAnswers[0].notes contains HTML or a script',
	'section-not-a-list.json': 'The "cards" section must be a list',
	'setting-out-of-range.json': 'settings[0].value must be a number from 0.7 to 0.99',
	'string.json': 'The file holds only a string',
	'text-instead-of-number.json': 'reviews[1].time must be a time in milliseconds',
	'truncated.txt': 'The file ends too early',
	'unknown-field-in-review.json':
		'reviews[0] has a field "bonus" that a progress backup does not have',
	'unknown-field.json': 'The file has a field "comment" that a progress backup does not have',
	'unknown-review-mode.json': 'reviews[0].mode must be "review", "interview" or "cram"',
	'unknown-setting.json': 'settings[2].key must be one of the settings',
	'uppercase-deck.json': 'interviewAnswers[0].deck must look like a deck id',
	'version-as-text.json': 'This backup has an unknown version ("1")',
	'wrong-fact.json': 'cards[2] has a fact that is not its id without the kind',
	'wrong-format.json': 'its format is "anki-deck", not "cto-prep-progress"',
	// Dates: nothing after the backup was made, nothing before the app existed, no due date past
	// ts-fsrs's longest interval, no backup made after this device's now.
	'last-review-in-2299.json':
		'cards[2].lastReview is dated 1 June 2299 at 00:00 UTC, after the backup itself was made',
	'last-review-two-hours-ahead.json':
		'cards[2].lastReview is dated 27 November 2026 at 11:00 UTC, after the backup itself was made (27 November 2026 at 09:00 UTC)',
	'reviews-200-years-ahead.json': 'reviews[0].time is dated 6 October 2226',
	'exported-in-the-future.json':
		"This backup says it was made on 1 January 2299 at 00:00 UTC, which is later than this device's clock says it is now",
	'before-the-app-existed.json':
		'quizAttempts[0].startedAt must be a date between November 2026 and the year 2300',
	'due-beyond-any-interval.json':
		'cards[2].due is 1 January 2290 at 00:00 UTC, further ahead than the app ever schedules a card',
	// Numbers: within what ts-fsrs and a learner can produce.
	'stability-1e308.json': 'cards[1].stability must be between 0 and 36500',
	'duration-1e308.json': 'reviews[2].durationMs must be at most an hour',
	'difficulty-below-one.json': 'cards[0].difficulty must be 0 (a new card) or between 1 and 10',
	'learning-step-too-far.json': 'reviews[0].learningSteps must be at most 2',
	'retention-out-of-range.json': 'reviews[4].retention must be between 0.7 and 0.99',
	'more-lapses-than-answers.json': 'cards[2] has more lapses than answers',
	'scheduled-days-too-many.json': 'cards[2].scheduledDays must be at most 36500 days',
	// An interview answer is always stored with its scheduled answer.
	'interview-answer-to-nothing.json':
		'interviewAnswers[0] is an answer to the question "ghost/nowhere/none/interview", but the backup has no scheduled answer to it'
};

/** A database holding one of everything, and app records beside the settings. */
async function knownDB(): Promise<StudyDatabase> {
	const db = await freshDB();
	const deck = deckFrom(TERMS);
	await storeDeck(db, deck, NOW);
	const card = { id: deck.items[0]?.id ?? '', deck: deck.id };
	await recordAnswer(db, {
		card,
		grade: Rating.Good,
		mode: 'review',
		now: NOW,
		durationMs: 2000,
		params: PARAMS
	});
	await recordAnswer(db, {
		card,
		grade: Rating.Hard,
		mode: 'cram',
		now: NOW + 1000,
		durationMs: 900,
		params: PARAMS
	});
	await recordAnswer(db, {
		card: { id: 'test/interview/why/interview', deck: 'test' },
		grade: Rating.Good,
		mode: 'interview',
		now: NOW + 2000,
		durationMs: 60_000,
		params: PARAMS,
		interview: { covered: [1], keyPoints: 2, score: 0.5, notes: 'Talked about hiring.', mock: NOW }
	});
	await saveQuizAttempt(db, {
		scope: 'all',
		kinds: ['match'],
		startedAt: NOW,
		finishedAt: NOW + 60_000,
		correct: 0,
		total: 1,
		answers: [{ item: 'test/a/b/match', deck: 'test', topic: 'a', kind: 'match', correct: false }]
	});
	await saveSetting(db, 'interviewSeconds', 90);
	await saveMeta(db, 'lastBackupAt', NOW - 1000);
	return db;
}

async function everything(db: StudyDatabase) {
	const stores = [
		'decks',
		'cards',
		'reviews',
		'quizAttempts',
		'interviewAnswers',
		'settings'
	] as const;
	return Promise.all(stores.map((store) => db.getAll(store)));
}

/** Imports a file as the Settings page does; returns the refusal. */
async function refusal(db: StudyDatabase, text: string): Promise<unknown> {
	try {
		await importProgress(db, parseBackup(text, IMPORTED_AT));
	} catch (error) {
		return error;
	}
	throw new Error('the file was imported');
}

describe('a bad file', () => {
	const files = readdirSync(CORPUS).sort();

	it('has a corpus of at least 30 files, each with its expected message', () => {
		expect(files.length).toBeGreaterThanOrEqual(30);
		expect(files.filter((file) => !(file in EXPECTED))).toEqual([]);
		expect(Object.keys(EXPECTED).filter((file) => !files.includes(file))).toEqual([]);
	});

	it.each(files)('%s is refused with a clear message, and nothing stored changes', async (file) => {
		const expected = EXPECTED[file];
		if (expected === undefined)
			throw new Error(`No expected message for ${file}: add one to EXPECTED`);
		const db = await knownDB();
		const before = await everything(db);
		const error = await refusal(db, readFileSync(join(CORPUS, file), 'utf8'));
		expect(error).toBeInstanceOf(ImportError);
		expect(error).toHaveProperty('name', 'ImportError');
		expect((error as ImportError).message).toContain(expected);
		expect(await everything(db)).toEqual(before);
		db.close();
	});

	it('that is too large is refused before it is parsed', async () => {
		const db = await knownDB();
		const before = await everything(db);
		const huge = `{"format":"cto-prep-progress","version":1,"notes":"${'x'.repeat(MAX_BACKUP_CHARACTERS)}"}`;
		const error = await refusal(db, huge);
		expect(error).toBeInstanceOf(ImportError);
		expect((error as ImportError).message).toBe(
			'The file is too large: a progress backup is at most 50 MB.'
		);
		expect(() => checkBackupSize(2 * MAX_BACKUP_CHARACTERS)).toThrowError(ImportError);
		expect(() => checkBackupSize(MAX_BACKUP_CHARACTERS)).not.toThrow();
		expect(await everything(db)).toEqual(before);
	});

	it('that holds too many records is refused before they are checked one by one', async () => {
		const db = await knownDB();
		const before = await everything(db);
		const review = (id: number) =>
			`{"id":${id},"card":"a/b","deck":"a","rating":3,"time":${NOW},"durationMs":1,"mode":"cram"}`;
		const reviews = Array.from({ length: 400_001 }, (_, index) => review(index + 1));
		const text = `{"format":"cto-prep-progress","version":1,"exportedAt":"2026-11-23T09:00:00.000Z","cards":[],"reviews":[${reviews.join(',')}],"quizAttempts":[],"interviewAnswers":[],"settings":[]}`;
		const error = await refusal(db, text);
		expect(error).toBeInstanceOf(ImportError);
		expect((error as ImportError).message).toBe(
			'The backup holds too many reviews (400001); at most 400000 are accepted.'
		);
		expect(await everything(db)).toEqual(before);
	});
});

describe('a good file', () => {
	it('is read even with a byte order mark in front', async () => {
		const text = serializeBackup(await exportProgress(await knownDB(), IMPORTED_AT));
		expect(parseBackup(`\uFEFF${text}`, IMPORTED_AT)).toEqual(parseBackup(text, IMPORTED_AT));
	});

	it('is not refused for a note with angle brackets that are not markup', async () => {
		const backup = await exportProgress(await knownDB(), IMPORTED_AT);
		const [answer] = backup.interviewAnswers;
		if (!answer) throw new Error('no interview answer');
		answer.notes = 'Latency < 200 ms, costs > budget, 3 <= teams; "quotes" & ampersands.';
		const { backup: read } = parseBackup(serializeBackup(backup), IMPORTED_AT);
		expect(read.interviewAnswers[0]?.notes).toBe(answer.notes);
	});
});

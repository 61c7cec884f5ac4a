import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	backupFileName,
	backupReminder,
	exportProgress,
	importProgress,
	parseBackup,
	progressCounts,
	resetProgress,
	serializeBackup,
	type Backup
} from '$lib/storage/backup';
import { recordAnswer } from '$lib/storage/cards';
import type { StudyDatabase } from '$lib/storage/db';
import { storeDeck } from '$lib/storage/decks';
import { saveQuizAttempt } from '$lib/storage/history';
import { loadMeta, saveMeta, saveSetting, SettingsSchema } from '$lib/storage/settings';
import { QUIZ_KINDS, type QuizKind } from '$lib/content/types';
import { Rating, State, type CardState, type Grade, type Review } from '$lib/srs/types';
import type { InterviewAnswer, QuizAttempt } from '$lib/quiz/types';
import { deckFrom, QUESTION, TERMS } from '../content/notes';
import { freshDB } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PARAMS = { retention: 0.9, fuzz: false };

/** Every record of every store, keys included: what "nothing changed" is checked against. */
async function everything(db: StudyDatabase) {
	const [decks, cards, reviews, quizAttempts, interviewAnswers, settings] = await Promise.all([
		db.getAll('decks'),
		db.getAll('cards'),
		db.getAll('reviews'),
		db.getAll('quizAttempts'),
		db.getAll('interviewAnswers'),
		db.getAll('settings')
	]);
	return { decks, cards, reviews, quizAttempts, interviewAnswers, settings };
}

/** The progress a backup carries: every store but the decks and the app's own records. */
async function progress(db: StudyDatabase) {
	const all = await everything(db);
	return {
		cards: all.cards,
		reviews: all.reviews,
		quizAttempts: all.quizAttempts,
		interviewAnswers: all.interviewAnswers,
		settings: all.settings.filter((record) => !record.key.startsWith('meta:'))
	};
}

/** A database as a learner leaves it after a few days: every kind of record, a deck, settings. */
async function studiedDB(): Promise<StudyDatabase> {
	const db = await freshDB();
	const deck = deckFrom(`${TERMS}\n${QUESTION}`);
	await storeDeck(db, deck, NOW);
	const [first, second] = deck.items.map((item) => ({ id: item.id, deck: deck.id }));
	const question = deck.items.find((item) => item.kind === 'interview');
	if (!first || !second || !question) throw new Error('the test deck lacks items');
	const answer = (card: typeof first, grade: Grade, now: number, mode: Review['mode']) =>
		recordAnswer(db, { card, grade, mode, now, durationMs: 4200, params: PARAMS });
	await answer(first, Rating.Good, NOW, 'review');
	await answer(first, Rating.Again, NOW + 10 * MINUTE, 'review');
	await answer(second, Rating.Easy, NOW + DAY, 'review');
	await answer(second, Rating.Hard, NOW + DAY + MINUTE, 'cram');
	await recordAnswer(db, {
		card: { id: question.id, deck: deck.id },
		grade: Rating.Good,
		mode: 'interview',
		now: NOW + 2 * DAY,
		durationMs: 95_000,
		params: PARAMS,
		interview: {
			covered: [0, 2],
			keyPoints: 3,
			score: 2 / 3,
			notes: 'Mentioned budget & hiring; forgot the roadmap.',
			mock: null
		}
	});
	await saveQuizAttempt(db, {
		scope: 'test',
		kinds: ['mcq', 'truefalse'],
		startedAt: NOW + 3 * DAY,
		finishedAt: NOW + 3 * DAY + 5 * MINUTE,
		correct: 1,
		total: 2,
		answers: [
			{ item: `${first.id}-q`, deck: 'test', topic: 'strategic-roles', kind: 'mcq', correct: true },
			{
				item: `${second.id}-q`,
				deck: 'test',
				topic: 'strategic-roles',
				kind: 'truefalse',
				correct: false
			}
		]
	});
	await saveSetting(db, 'newPerDay', 35);
	await saveSetting(db, 'desiredRetention', 0.85);
	await saveMeta(db, 'lastBackupAt', NOW - 30 * DAY);
	return db;
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('exporting progress', () => {
	it('holds every progress record with its key, but no decks and no app records', async () => {
		const db = await studiedDB();
		const backup = await exportProgress(db, NOW + 4 * DAY);
		expect(backup).toMatchObject({
			format: 'cto-prep-progress',
			version: 1,
			exportedAt: '2026-11-27T09:00:00.000Z'
		});
		expect(Object.keys(backup)).not.toContain('decks');
		expect(backup.cards).toHaveLength(3);
		expect(backup.reviews.map((review) => review.id)).toEqual([1, 2, 3, 4, 5]);
		expect(backup.interviewAnswers[0]?.notes).toBe(
			'Mentioned budget & hiring; forgot the roadmap.'
		);
		expect(backup.settings).toEqual([
			{ key: 'desiredRetention', value: 0.85 },
			{ key: 'newPerDay', value: 35 }
		]);
		expect(backupFileName(NOW)).toBe('cto-prep-progress-2026-11-23.json');
	});

	it('leaves out stored settings that are unknown or out of range, as loading them does', async () => {
		const db = await freshDB();
		await db.put('settings', { key: 'newPerDay', value: 'lots' });
		await db.put('settings', { key: 'someday', value: 1 });
		await saveSetting(db, 'dayStartHour', 5);
		expect((await exportProgress(db, NOW)).settings).toEqual([{ key: 'dayStartHour', value: 5 }]);
	});

	it('writes JSON, one record per line, that reads back as the same backup', async () => {
		const backup = await exportProgress(await studiedDB(), NOW);
		const text = serializeBackup(backup);
		expect(JSON.parse(text)).toEqual(backup);
		expect(text.split('\n').length).toBeGreaterThan(backup.reviews.length);
		expect(parseBackup(text)).toEqual(backup);
	});
});

describe('importing progress', () => {
	it('into a fresh database stores exactly what was exported', async () => {
		const source = await studiedDB();
		const text = serializeBackup(await exportProgress(source, NOW));
		const target = await freshDB();
		const summary = await importProgress(target, parseBackup(text));
		expect(summary).toEqual({
			cards: 3,
			reviews: 5,
			quizAttempts: 1,
			interviewAnswers: 1,
			settings: 2
		});
		expect(await progress(target)).toEqual(await progress(source));
	});

	it('after a reset gives back every record as it was, decks and app records included', async () => {
		const db = await studiedDB();
		const before = await everything(db);
		const text = serializeBackup(await exportProgress(db, NOW));
		await resetProgress(db);
		expect(await progressCounts(db)).toEqual({
			cards: 0,
			reviews: 0,
			quizAttempts: 0,
			interviewAnswers: 0
		});
		await importProgress(db, parseBackup(text));
		expect(await everything(db)).toEqual(before);
	});

	it('replaces the progress there was, keeps when the last backup was made', async () => {
		const db = await studiedDB();
		const backup = await exportProgress(db, NOW);
		const other = await freshDB();
		await recordAnswer(other, {
			card: { id: 'other/topic/fact/basic', deck: 'other' },
			grade: Rating.Good,
			mode: 'review',
			now: NOW,
			durationMs: 1000,
			params: PARAMS
		});
		await saveSetting(other, 'reviewsPerDay', 50);
		await saveMeta(other, 'lastBackupAt', NOW - DAY);
		await importProgress(other, backup);
		expect(await progress(other)).toEqual(await progress(db));
		expect(await loadMeta(other, 'lastBackupAt')).toBe(NOW - DAY);
	});

	it('retires or brings back each card by the decks on this device, not by the file', async () => {
		const backup = await exportProgress(await studiedDB(), NOW);
		const [kept, ...rest] = backup.cards;
		if (!kept) throw new Error('the backup has no cards');
		// From a device with other content: a card of this deck marked retired there, a card whose
		// item is gone from it, and a card of a deck this device does not have.
		const gone = { ...kept, id: 'test/strategic-roles/gone/basic', retired: false };
		const elsewhere = { ...kept, id: 'other/topic/fact/basic', deck: 'other', retired: false };
		const file = { ...backup, cards: [{ ...kept, retired: true }, ...rest, gone, elsewhere] };
		const target = await freshDB();
		await storeDeck(target, deckFrom(`${TERMS}\n${QUESTION}`), NOW);
		await importProgress(target, file);
		const retired = new Map((await target.getAll('cards')).map((card) => [card.id, card.retired]));
		expect(retired.get(kept.id)).toBe(false);
		for (const card of rest) expect(retired.get(card.id)).toBe(false);
		expect(retired.get(gone.id)).toBe(true);
		expect(retired.get(elsewhere.id)).toBe(true);
	});

	it("keeps the file's retired flags while no deck is stored yet", async () => {
		const backup = await exportProgress(await studiedDB(), NOW);
		const file = {
			...backup,
			cards: backup.cards.map((card, index) => ({ ...card, retired: index === 0 }))
		};
		const target = await freshDB();
		await importProgress(target, file);
		expect(await target.getAll('cards')).toEqual(file.cards);
	});

	it('lets new answers be added after the imported ones, with new ids', async () => {
		const db = await freshDB();
		await importProgress(db, await exportProgress(await studiedDB(), NOW));
		const { review } = await recordAnswer(db, {
			card: { id: 'test/fresh/fact/basic', deck: 'test' },
			grade: Rating.Good,
			mode: 'review',
			now: NOW + 5 * DAY,
			durationMs: 1000,
			params: PARAMS
		});
		expect(review.id).toBe(6);
		expect(await db.count('reviews')).toBe(6);
	});

	it('stores nothing at all when the device runs out of space halfway', async () => {
		const db = await studiedDB();
		const backup = await exportProgress(db, NOW);
		const target = await freshDB();
		await importProgress(target, await exportProgress(await studiedDB(), NOW - DAY));
		await saveMeta(target, 'lastBackupAt', NOW - 2 * DAY);
		const before = await everything(target);
		const put = IDBObjectStore.prototype.put;
		let calls = 0;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args
		) {
			calls += 1;
			// The stores are cleared and several records written before the disk is full.
			if (calls === 6) throw new DOMException('The disk is full', 'QuotaExceededError');
			return put.apply(this, args);
		});
		await expect(importProgress(target, backup)).rejects.toThrowError(
			expect.objectContaining({ name: 'StorageError', problem: 'quota' })
		);
		vi.restoreAllMocks();
		expect(calls).toBe(6);
		expect(await everything(target)).toEqual(before);
	});
});

describe('resetting progress', () => {
	it('deletes card states, answers, quiz attempts and interview answers; keeps decks and settings', async () => {
		const db = await studiedDB();
		const before = await everything(db);
		expect(await progressCounts(db)).toEqual({
			cards: 3,
			reviews: 5,
			quizAttempts: 1,
			interviewAnswers: 1
		});
		await resetProgress(db);
		expect(await everything(db)).toEqual({
			...before,
			cards: [],
			reviews: [],
			quizAttempts: [],
			interviewAnswers: []
		});
	});
});

describe('the backup reminder', () => {
	it('asks for a first backup only once there is progress', () => {
		expect(backupReminder(null, false, NOW)).toBeNull();
		expect(backupReminder(null, true, NOW)).toEqual({ kind: 'never' });
	});

	it('stays quiet for 14 days after a backup, then says how old it is', () => {
		const last = NOW - 14 * DAY;
		expect(backupReminder(NOW - MINUTE, true, NOW)).toBeNull();
		expect(backupReminder(last, true, NOW)).toBeNull();
		expect(backupReminder(last, true, NOW + 1)).toEqual({ kind: 'old', days: 14 });
		expect(backupReminder(NOW - 15 * DAY, true, NOW)).toEqual({ kind: 'old', days: 15 });
		expect(backupReminder(NOW - 400 * DAY, false, NOW)).toEqual({ kind: 'old', days: 400 });
	});
});

// Random collections of every kind of record, within what the app stores.
const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const time = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
const count = fc.nat({ max: 10_000 });
const amount = fc.double({ min: 0, max: 36_500, noNaN: true, noDefaultInfinity: true });
const fsrsState = fc.constantFrom(State.New, State.Learning, State.Review, State.Relearning);
const grade = fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy);
const cardIdentity = fc.record({
	deck: slug,
	topic: slug,
	fact: slug,
	kind: fc.constantFrom('basic', 'reverse', 'cloze')
});

const cardState = cardIdentity.chain(({ deck, topic, fact, kind }) =>
	fc.record({
		id: fc.constant(`${deck}/${topic}/${fact}/${kind}`),
		deck: fc.constant(deck),
		fact: fc.constant(`${deck}/${topic}/${fact}`),
		due: time,
		stability: amount,
		difficulty: fc.double({ min: 0, max: 10, noNaN: true }),
		elapsedDays: count,
		scheduledDays: count,
		learningSteps: fc.nat({ max: 5 }),
		reps: count,
		lapses: count,
		state: fsrsState,
		lastReview: fc.option(time, { nil: null }),
		retired: fc.boolean(),
		requested: fc.option(time, { nil: null })
	})
) satisfies fc.Arbitrary<CardState>;

function reviewOf(
	card: { id: string; deck: string },
	id: number,
	cram: boolean
): fc.Arbitrary<Review> {
	const base = {
		id: fc.constant(id),
		card: fc.constant(card.id),
		deck: fc.constant(card.deck),
		rating: grade,
		time,
		durationMs: fc.oneof(fc.nat({ max: 600_000 }), amount)
	};
	if (cram) return fc.record({ ...base, mode: fc.constant('cram' as const) });
	return fc.record({
		...base,
		mode: fc.constantFrom('review' as const, 'interview' as const),
		state: fsrsState,
		logDue: time,
		dueBefore: time,
		stability: amount,
		difficulty: fc.double({ min: 0, max: 10, noNaN: true }),
		elapsedDays: count,
		lastElapsedDays: count,
		scheduledDays: count,
		learningSteps: fc.nat({ max: 5 }),
		retention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
		fuzz: fc.boolean()
	});
}

/** An answer: scheduled answers are to stored cards; cram answers may be to any card. */
function answerTo(cards: readonly CardState[], id: number): fc.Arbitrary<Review> {
	const cram = cardState.chain((card) => reviewOf(card, id, true));
	if (cards.length === 0) return cram;
	return fc.oneof(
		cram,
		fc.constantFrom(...cards).chain((card) => reviewOf(card, id, false))
	);
}

const quizKind = fc.constantFrom<QuizKind>(...QUIZ_KINDS);
const quizAttempt = (id: number): fc.Arbitrary<QuizAttempt> =>
	fc
		.record({
			scope: fc.oneof(
				fc.constant('all'),
				slug,
				fc.tuple(slug, slug).map(([a, b]) => `${a}/${b}`)
			),
			kinds: fc.uniqueArray(quizKind, { minLength: 1 }),
			startedAt: time,
			length: fc.nat({ max: 600_000 }),
			answers: fc.array(
				fc.record({
					item: fc.tuple(slug, slug, slug).map((parts) => `${parts.join('/')}/mcq`),
					deck: slug,
					topic: slug,
					kind: quizKind,
					correct: fc.boolean()
				}),
				{ maxLength: 12 }
			)
		})
		.map(({ length, answers, ...attempt }) => ({
			...attempt,
			id,
			finishedAt: attempt.startedAt + length,
			correct: answers.filter((answer) => answer.correct).length,
			total: answers.length,
			answers
		}));

const interviewAnswer = (id: number): fc.Arbitrary<InterviewAnswer> =>
	fc
		.record({
			item: fc.tuple(slug, slug, slug).map((parts) => `${parts.join('/')}/interview`),
			deck: slug,
			time,
			durationMs: fc.nat({ max: 1_800_000 }),
			keyPoints: fc.integer({ min: 1, max: 8 }),
			covered: fc.uniqueArray(fc.nat({ max: 7 }), { maxLength: 8 }),
			// Free text, but never markup: a backup holding it is refused.
			notes: fc.string({ maxLength: 80 }).filter((text) => !/[<:]/.test(text)),
			mock: fc.option(time, { nil: null })
		})
		.map((answer) => {
			const covered = answer.covered.filter((point) => point < answer.keyPoints);
			return { ...answer, id, covered, score: covered.length / answer.keyPoints };
		});

const settingValue = {
	desiredRetention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
	newPerDay: fc.nat({ max: 9999 }),
	reviewsPerDay: fc.nat({ max: 99_999 }),
	dayStartHour: fc.nat({ max: 23 }),
	interviewSeconds: fc.integer({ min: 15, max: 1800 }),
	listenPauseSeconds: fc.double({ min: 0, max: 30, noNaN: true })
};
const settings = fc
	.subarray(Object.keys(SettingsSchema.entries) as (keyof typeof settingValue)[])
	.chain((keys) =>
		fc.tuple(...keys.map((key) => settingValue[key].map((value) => ({ key, value }))))
	);

/** Ids as an auto-increment store hands them out after some were deleted: rising, with gaps. */
const storeIds = (max: number) =>
	fc
		.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: max })
		.map((ids) => ids.sort((a, b) => a - b));

const progressArbitrary = fc
	.uniqueArray(cardState, { selector: (card) => card.id, maxLength: 12 })
	.chain((cards) =>
		fc.record({
			cards: fc.constant(cards),
			reviews: storeIds(20).chain((ids) => fc.tuple(...ids.map((id) => answerTo(cards, id)))),
			quizAttempts: storeIds(5).chain((ids) => fc.tuple(...ids.map(quizAttempt))),
			interviewAnswers: storeIds(5).chain((ids) => fc.tuple(...ids.map(interviewAnswer))),
			settings
		})
	);

describe('a backup of any progress', () => {
	it('exported, written, read and imported into a fresh database, gives every record back', async () => {
		await fc.assert(
			fc.asyncProperty(progressArbitrary, async (records) => {
				const source = await freshDB();
				const tx = source.transaction(
					['cards', 'reviews', 'quizAttempts', 'interviewAnswers', 'settings'],
					'readwrite'
				);
				for (const card of records.cards) void tx.objectStore('cards').put(card);
				for (const review of records.reviews) void tx.objectStore('reviews').put(review);
				for (const attempt of records.quizAttempts)
					void tx.objectStore('quizAttempts').put(attempt);
				for (const answer of records.interviewAnswers) {
					void tx.objectStore('interviewAnswers').put(answer);
				}
				for (const setting of records.settings) void tx.objectStore('settings').put(setting);
				await tx.done;

				const backup: Backup = parseBackup(serializeBackup(await exportProgress(source, NOW)));
				const target = await freshDB();
				await importProgress(target, backup);
				expect(await everything(target)).toEqual(await everything(source));
				source.close();
				target.close();
			}),
			{ numRuns: 60 }
		);
	});
});

describe('typed notes', () => {
	it('are kept so that a backup of them is never refused', async () => {
		const { neutralizeMarkup, MARKUP } = await import('$lib/storage/markup');
		for (const text of [
			'I used a <div> here',
			'JavaScript: the language',
			'< script >',
			'a <b and c',
			'<!-- x -->'
		]) {
			const kept = neutralizeMarkup(text);
			expect(MARKUP.test(kept), kept).toBe(false);
		}
		expect(neutralizeMarkup('Latency < 200 ms, 3 > 2')).toBe('Latency < 200 ms, 3 > 2');
	});
});

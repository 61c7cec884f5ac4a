import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupFileName, backupReminder, serializeBackup } from '$lib/backup/file';
import { parseBackup } from '$lib/backup/parse';
import { BACKUP_VERSION, type Backup } from '$lib/backup/schema';
import { exportProgress, importProgress, progressCounts, resetProgress } from '$lib/storage/backup';
import { recordAnswer } from '$lib/state/answers';
import type { StudyDatabase } from '$lib/storage/db';
import { storeDeck } from '$lib/storage/decks';
import { saveQuizAttempt } from '$lib/storage/history';
import { loadMeta, saveMeta, saveSetting } from '$lib/storage/settings';
import { Rating, type Grade, type Review } from '$lib/srs/types';
import { deckFrom, QUESTION, TERMS } from '../content/notes';
import { freshDB } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PARAMS = { retention: 0.9, fuzz: false };
/** After the last answer of studiedDB: when its backups are made and read. */
const LATER = NOW + 4 * DAY;

/** Reads a backup as the Settings page does, at LATER. */
const parse = (text: string) => parseBackup(text, LATER);

/** A backup as it is imported: checked, through its text. */
const checked = (backup: Backup) => parse(serializeBackup(backup));

/** Records without the keys their stores gave them: an import gives new ones, in the same order. */
function withoutIds<T extends { id?: number }>(records: readonly T[]): Omit<T, 'id'>[] {
	return [...records].sort((a, b) => (a.id ?? 0) - (b.id ?? 0)).map(({ id: _id, ...rest }) => rest);
}

/** Progress as an import keeps it: every record, the keys of the history stores aside. */
async function content(db: StudyDatabase) {
	const all = await progress(db);
	return {
		cards: all.cards,
		reviews: withoutIds(all.reviews),
		quizAttempts: withoutIds(all.quizAttempts),
		interviewAnswers: withoutIds(all.interviewAnswers),
		settings: all.settings
	};
}

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
		// A setting's value, not the clock reading of its last edit, which is this device's.
		settings: all.settings
			.filter((record) => !record.key.startsWith('meta:'))
			.map(({ key, value }) => ({ key, value }))
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
	it('holds every progress record with its key, but not the site’s decks nor app records', async () => {
		const db = await studiedDB();
		const backup = await exportProgress(db, LATER);
		expect(backup).toMatchObject({
			format: 'cto-prep-progress',
			version: BACKUP_VERSION,
			exportedAt: '2026-11-27T09:00:00.000Z'
		});
		expect(Object.keys(backup)).not.toContain('decks');
		// The learner's own decks only (none here): the site's come from the site.
		expect(backup.ownDecks).toEqual([]);
		expect(backup.cards).toHaveLength(3);
		expect(backup.reviews.map((review) => review.id)).toEqual([1, 2, 3, 4, 5]);
		// With the ids they have on every device, which a restore keeps.
		expect(new Set(backup.reviews.map((review) => review.uid)).size).toBe(5);
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
		const backup = await exportProgress(await studiedDB(), LATER);
		const text = serializeBackup(backup);
		expect(JSON.parse(text)).toEqual(backup);
		expect(text.split('\n').length).toBeGreaterThan(backup.reviews.length);
		expect(parse(text)).toEqual({ backup, rebuilt: 0 });
	});
});

describe('importing progress', () => {
	it('into a fresh database stores exactly what was exported', async () => {
		const source = await studiedDB();
		const text = serializeBackup(await exportProgress(source, LATER));
		const target = await freshDB();
		const summary = await importProgress(target, parse(text));
		expect(summary).toEqual({
			cards: 3,
			reviews: 5,
			quizAttempts: 1,
			interviewAnswers: 1,
			settings: 2,
			myAnswers: 0,
			recordings: null,
			ownDecks: 0,
			marks: 0,
			rebuilt: 0
		});
		// A fresh store numbers from 1, as the source did: even the keys are the same.
		expect(await progress(target)).toEqual(await progress(source));
	});

	it('after a reset gives back every record as it was, decks and app records included', async () => {
		const db = await studiedDB();
		const before = await everything(db);
		const kept = await content(db);
		const text = serializeBackup(await exportProgress(db, LATER));
		await resetProgress(db);
		expect(await progressCounts(db)).toEqual({
			cards: 0,
			reviews: 0,
			quizAttempts: 0,
			interviewAnswers: 0
		});
		await importProgress(db, parse(text));
		expect(await content(db)).toEqual(kept);
		const after = await everything(db);
		expect(after.decks).toEqual(before.decks);
		expect(after.settings).toEqual(before.settings);
	});

	it('replaces the progress there was, keeps when the last backup was made', async () => {
		const db = await studiedDB();
		const backup = await exportProgress(db, LATER);
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
		await importProgress(other, checked(backup));
		expect(await content(other)).toEqual(await content(db));
		expect(await loadMeta(other, 'lastBackupAt')).toBe(NOW - DAY);
	});

	it('retires or brings back each card by the decks on this device, not by the file', async () => {
		const backup = await exportProgress(await studiedDB(), LATER);
		const [kept, ...rest] = backup.cards;
		if (!kept) throw new Error('the backup has no cards');
		// From a device with other content: a card of this deck marked retired there, a card whose
		// item is gone from it, and a card of a deck this device does not have.
		const gone = { ...kept, id: 'test/strategic-roles/gone/basic', retired: false };
		const elsewhere = { ...kept, id: 'other/topic/fact/basic', deck: 'other', retired: false };
		const file = {
			...backup,
			cards: [{ ...kept, retired: true }, ...rest, gone, elsewhere].map((card) => ({
				...card,
				fact: card.id.slice(0, card.id.lastIndexOf('/'))
			}))
		};
		const target = await freshDB();
		await storeDeck(target, deckFrom(`${TERMS}\n${QUESTION}`), NOW);
		await importProgress(target, checked(file));
		const retired = new Map((await target.getAll('cards')).map((card) => [card.id, card.retired]));
		expect(retired.get(kept.id)).toBe(false);
		for (const card of rest) expect(retired.get(card.id)).toBe(false);
		expect(retired.get(gone.id)).toBe(true);
		expect(retired.get(elsewhere.id)).toBe(true);
	});

	it("keeps the file's retired flags while no deck is stored yet", async () => {
		const backup = await exportProgress(await studiedDB(), LATER);
		const file = {
			...backup,
			cards: backup.cards.map((card, index) => ({ ...card, retired: index === 0 }))
		};
		const target = await freshDB();
		await importProgress(target, checked(file));
		expect(await target.getAll('cards')).toEqual(file.cards);
	});

	it('lets new answers be added after the imported ones, with new ids', async () => {
		const db = await freshDB();
		await importProgress(db, checked(await exportProgress(await studiedDB(), LATER)));
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
		const backup = checked(await exportProgress(db, LATER));
		const target = await freshDB();
		await importProgress(target, checked(await exportProgress(await studiedDB(), LATER - DAY / 2)));
		await saveMeta(target, 'lastBackupAt', NOW - 2 * DAY);
		const before = await everything(target);
		const put = IDBObjectStore.prototype.put;
		const add = IDBObjectStore.prototype.add;
		let calls = 0;
		const failing = (write: typeof put) =>
			function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
				calls += 1;
				// The stores are cleared and several records written before the disk is full.
				if (calls === 6) throw new DOMException('The disk is full', 'QuotaExceededError');
				return write.apply(this, args);
			};
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(failing(put));
		vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(failing(add));
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

describe('typed notes', () => {
	it('are kept so that a backup of them is never refused', async () => {
		const { neutralizeMarkup, MARKUP } = await import('$lib/markup');
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

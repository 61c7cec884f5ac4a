import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { serializeBackup } from '$lib/backup/file';
import { parseBackup } from '$lib/backup/parse';
import { recordAnswer, undoAnswer } from '$lib/state/answers';
import { exportProgress, importProgress, resetProgress } from '$lib/storage/backup';
import { DB_VERSION, openStudyDB, type StudyDatabase } from '$lib/storage/db';
import { saveQuizAttempt } from '$lib/storage/history';
import { loadRemovals, SYNC_ACCOUNT } from '$lib/storage/removals';
import { historyToSend } from '$lib/storage/sync-records';
import { answerCard, newCardState, replayCard } from '$lib/srs/scheduler';
import { Rating, type Grade, type Review } from '$lib/srs/types';
import { freshDB, reviewsOfCard } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const PARAMS = { retention: 0.9, fuzz: false };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CARD = { id: 'test/roles/cto/term', deck: 'test' };
const QUESTION = { id: 'test/roles/why/interview', deck: 'test' };

const answer = (db: StudyDatabase, grade: Grade, now: number, mode: Review['mode'] = 'review') =>
	recordAnswer(db, { card: CARD, grade, mode, now, durationMs: 3000, params: PARAMS });

const interview = (db: StudyDatabase, now: number) =>
	recordAnswer(db, {
		card: QUESTION,
		grade: Rating.Good,
		mode: 'interview',
		now,
		durationMs: 60_000,
		params: PARAMS,
		interview: { covered: [0], keyPoints: 2, score: 0.5, notes: '', mock: null }
	});

const attempt = (db: StudyDatabase, now: number) =>
	saveQuizAttempt(db, {
		scope: 'all',
		kinds: ['mcq'],
		startedAt: now,
		finishedAt: now + 1000,
		correct: 1,
		total: 1,
		answers: []
	});

/** This device syncs: from now on, what it removes is noted for the others. */
const startSyncing = (db: StudyDatabase) =>
	db.put('settings', { key: SYNC_ACCOUNT, value: { server: 'https://sync.example' } });

describe('every record of history has its own id', () => {
	it('is given to answers, interview answers and quiz attempts when they are stored', async () => {
		const db = await freshDB();
		const scheduled = await answer(db, Rating.Good, NOW);
		const cram = await answer(db, Rating.Hard, NOW + 1000, 'cram');
		await interview(db, NOW + 2000);
		await attempt(db, NOW + 3000);
		const uids = [
			...(await db.getAll('reviews')),
			...(await db.getAll('interviewAnswers')),
			...(await db.getAll('quizAttempts'))
		].map((record) => record.uid);
		expect(uids).toHaveLength(5);
		for (const uid of uids) expect(uid).toMatch(UUID);
		expect(new Set(uids).size).toBe(5);
		// The page is told the id it stored.
		expect(scheduled.review.uid).toBe(uids[0]);
		expect(cram.review.uid).toBe(uids[1]);
		// And finds the record by it.
		const found = await db.getFromIndex('reviews', 'by-uid', uids[0] as string);
		expect(found?.id).toBe(scheduled.review.id);
		db.close();
	});

	it('is kept by a version 5 database upgraded, whose older answers have none yet', async () => {
		const name = `fixture-v5-${Math.random()}`;
		// Version 5's reviews store, frozen here: no uid index.
		const v5 = await openDB(name, 5, {
			upgrade(database) {
				const reviews = database.createObjectStore('reviews', {
					keyPath: 'id',
					autoIncrement: true
				});
				reviews.createIndex('by-card', 'card');
				reviews.createIndex('by-time', 'time');
				database.createObjectStore('cards', { keyPath: 'id' }).createIndex('by-deck', 'deck');
				database.createObjectStore('settings', { keyPath: 'key' });
				const interviews = database.createObjectStore('interviewAnswers', {
					keyPath: 'id',
					autoIncrement: true
				});
				interviews.createIndex('by-item', 'item');
				interviews.createIndex('by-time', 'time');
			}
		});
		const first = answerCard(newCardState(CARD.id, CARD.deck, NOW), Rating.Good, NOW, PARAMS, 2000);
		await v5.put('cards', first.state);
		await v5.add('reviews', first.review);
		v5.close();
		const db = await openStudyDB(name);
		expect(db.version).toBe(DB_VERSION);
		expect(await db.count('removals')).toBe(0);
		await answer(db, Rating.Good, NOW + 86_400_000);
		const [old, fresh] = await reviewsOfCard(db, CARD.id);
		expect(old?.uid).toBeUndefined();
		expect(fresh?.uid).toMatch(UUID);
		// Only records with an id are in its index.
		expect(await db.countFromIndex('reviews', 'by-uid')).toBe(1);
		db.close();
	});

	it('is the same on two devices for a record from before ids that a backup carried', async () => {
		const phone = await freshDB();
		const first = answerCard(newCardState(CARD.id, CARD.deck, NOW), Rating.Good, NOW, PARAMS, 1);
		// Stored by the version before ids, twice alike (the same answer twice in one millisecond).
		await phone.add('reviews', first.review);
		await phone.add('reviews', first.review);
		await phone.put('cards', first.state);
		const laptop = await freshDB();
		const text = serializeBackup(await exportProgress(phone, NOW + 1000));
		await importProgress(laptop, parseBackup(text, NOW + 2000));
		const sent = await historyToSend(phone, 'reviews', 0, 10);
		const there = (await laptop.getAll('reviews')).map((review) => review.uid);
		const here = sent.records.map((review) => review.uid);
		expect(here[0]).toMatch(UUID);
		expect(here[0]).toBe(there[0]);
		// The second alike cannot share the id: it is given one of its own on each.
		expect(here[1]).toMatch(UUID);
		expect(here[1]).not.toBe(here[0]);
		phone.close();
		laptop.close();
	});

	it('orders two answers given at the same moment on two devices alike, by their ids', () => {
		const a = answerCard(newCardState(CARD.id, CARD.deck, NOW), Rating.Again, NOW, PARAMS, 1);
		const b = answerCard(newCardState(CARD.id, CARD.deck, NOW), Rating.Easy, NOW, PARAMS, 1);
		const first = { ...a.review, uid: '00000000-0000-4000-8000-000000000000', id: 2 };
		const second = { ...b.review, uid: 'ffffffff-ffff-4fff-bfff-ffffffffffff', id: 1 };
		const identity = { ...CARD, retired: false, requested: null };
		const one = replayCard(identity, [first, second]);
		const other = replayCard(identity, [
			{ ...second, id: 7 },
			{ ...first, id: 8 }
		]);
		expect(one.state).toEqual(other.state);
		expect(one.reviews.map((review) => review.uid)).toEqual([first.uid, second.uid]);
		expect(one.reviews.map((review) => review.rating)).toEqual([Rating.Again, Rating.Easy]);
	});
});

describe('what is removed while this device syncs', () => {
	it('is noted only while it syncs: an undone answer, with its interview record', async () => {
		const db = await freshDB();
		const before = await answer(db, Rating.Good, NOW);
		await undoAnswer(db, before.review.id as number);
		expect(await loadRemovals(db)).toEqual([]);
		await startSyncing(db);
		const scheduled = await answer(db, Rating.Good, NOW + 1000);
		const cram = await answer(db, Rating.Easy, NOW + 2000, 'cram');
		const spoken = await interview(db, NOW + 3000);
		const spokenRecord = await db.getFromIndex('interviewAnswers', 'by-item', QUESTION.id);
		await undoAnswer(db, cram.review.id as number);
		await undoAnswer(db, scheduled.review.id as number);
		await undoAnswer(db, spoken.review.id as number);
		const removals = await loadRemovals(db);
		expect(
			removals.map(({ store, uid }) => ({ store, uid })).sort((a, b) => (a.uid < b.uid ? -1 : 1))
		).toEqual(
			[
				{ store: 'reviews', uid: cram.review.uid },
				{ store: 'reviews', uid: scheduled.review.uid },
				{ store: 'reviews', uid: spoken.review.uid },
				{ store: 'interviewAnswers', uid: spokenRecord?.uid }
			].sort((a, b) => ((a.uid ?? '') < (b.uid ?? '') ? -1 : 1))
		);
		expect(await db.count('reviews')).toBe(0);
		db.close();
	});

	it('is noted for every record a reset removes', async () => {
		const db = await freshDB();
		await answer(db, Rating.Good, NOW);
		await interview(db, NOW + 1000);
		await attempt(db, NOW + 2000);
		await resetProgress(db);
		expect(await loadRemovals(db)).toEqual([]);
		await answer(db, Rating.Good, NOW + 3000);
		await attempt(db, NOW + 4000);
		await startSyncing(db);
		await resetProgress(db, NOW + 5000);
		const removals = await loadRemovals(db);
		expect(removals.map((removal) => removal.store).sort()).toEqual(['quizAttempts', 'reviews']);
		expect(removals.every((removal) => removal.time === NOW + 5000)).toBe(true);
		db.close();
	});

	it('is noted for what a restored backup does not hold; its own records keep their ids', async () => {
		const db = await freshDB();
		const kept = await answer(db, Rating.Good, NOW);
		const text = serializeBackup(await exportProgress(db, NOW + 1000));
		await startSyncing(db);
		const dropped = await answer(db, Rating.Again, NOW + 2000, 'cram');
		await importProgress(db, parseBackup(text, NOW + 3000), NOW + 3000);
		const [restored] = await db.getAll('reviews');
		expect(restored?.uid).toBe(kept.review.uid);
		expect((await loadRemovals(db)).map((removal) => removal.uid)).toEqual([dropped.review.uid]);
		db.close();
	});

	it('gives records of an older file ids of their own, and refuses a file with one id twice', async () => {
		const db = await freshDB();
		await answer(db, Rating.Good, NOW);
		await answer(db, Rating.Good, NOW + 60_000, 'cram');
		const backup = await exportProgress(db, NOW + 120_000);
		const older = {
			...backup,
			version: 4,
			reviews: backup.reviews.map(({ uid: _uid, ...review }) => review)
		};
		await importProgress(db, parseBackup(JSON.stringify(older), NOW + 180_000));
		const uids = (await db.getAll('reviews')).map((review) => review.uid);
		for (const uid of uids) expect(uid).toMatch(UUID);
		expect(uids).not.toContain(backup.reviews[0]?.uid);
		const twice = {
			...backup,
			reviews: backup.reviews.map((review) => ({ ...review, uid: backup.reviews[0]?.uid }))
		};
		expect(() => parseBackup(JSON.stringify(twice), NOW + 180_000)).toThrow(
			/reviews\[1\] has the same uid/
		);
		db.close();
	});
});

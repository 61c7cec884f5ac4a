import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openStudyDB } from '$lib/storage/db';
import { loadCardStates } from '$lib/storage/cards';
import { recordAnswer } from '$lib/state/answers';
import { loadDecks } from '$lib/storage/decks';
import { loadInterviewAnswers, loadQuizAttempts, saveQuizAttempt } from '$lib/storage/history';
import { changeMarks, loadMarks } from '$lib/storage/marks';
import { loadSettings } from '$lib/storage/settings';
import { answerCard, newCardState, replayCard } from '$lib/srs/scheduler';
import { Rating } from '$lib/srs/types';
import { freshDB, reviewsOfCard } from './db';
import { deckFrom, TERMS } from '../content/notes';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const PARAMS = { retention: 0.9, fuzz: false };

/**
 * A database as version 1 of the app left it, built with version 1's own schema steps (frozen
 * here, so later changes to the migrations cannot change the fixture).
 */
async function versionOneFixture(name: string) {
	const db = await openDB(name, 1, {
		upgrade(database) {
			database.createObjectStore('decks', { keyPath: 'id' });
			const cards = database.createObjectStore('cards', { keyPath: 'id' });
			cards.createIndex('by-due', 'due');
			cards.createIndex('by-deck', 'deck');
			const reviews = database.createObjectStore('reviews', { keyPath: 'id', autoIncrement: true });
			reviews.createIndex('by-card', 'card');
			reviews.createIndex('by-time', 'time');
			database.createObjectStore('settings', { keyPath: 'key' });
		}
	});
	const deck = deckFrom(TERMS);
	const cardId = deck.items[0]?.id ?? '';
	const first = answerCard(newCardState(cardId, 'test', NOW), Rating.Good, NOW, PARAMS, 2000);
	const second = answerCard(first.state, Rating.Good, NOW + 600_000, PARAMS, 2000);
	await db.put('decks', { ...deck, fetchedAt: NOW });
	await db.put('cards', second.state);
	await db.add('reviews', first.review);
	await db.add('reviews', second.review);
	await db.put('settings', { key: 'newPerDay', value: 35 });
	db.close();
	return { deck, cardId, state: second.state };
}

describe('the database schema', () => {
	it('is created from nothing with every store and index', async () => {
		const db = await freshDB();
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual([
			'cards',
			'decks',
			'interviewAnswers',
			'marks',
			'myAnswers',
			'quizAttempts',
			'recordings',
			'removals',
			'reviews',
			'settings'
		]);
		const tx = db.transaction(['cards', 'reviews', 'quizAttempts', 'interviewAnswers']);
		expect([...tx.objectStore('cards').indexNames].sort()).toEqual(['by-deck', 'by-due']);
		expect([...tx.objectStore('reviews').indexNames].sort()).toEqual([
			'by-card',
			'by-time',
			'by-uid'
		]);
		expect(tx.objectStore('reviews').autoIncrement).toBe(true);
		expect(tx.objectStore('reviews').index('by-uid').unique).toBe(true);
		expect([...tx.objectStore('quizAttempts').indexNames].sort()).toEqual(['by-time', 'by-uid']);
		expect([...tx.objectStore('interviewAnswers').indexNames].sort()).toEqual([
			'by-item',
			'by-time',
			'by-uid'
		]);
		db.close();
	});

	it('upgrades a version 1 database to the current version keeping every record', async () => {
		const name = `fixture-v1-${Math.random()}`;
		const fixture = await versionOneFixture(name);
		const db = await openStudyDB(name);
		expect(db.version).toBe(DB_VERSION);
		// Everything version 1 stored reads back the same, and still replays.
		expect((await loadDecks(db)).map((deck) => deck.hash)).toEqual([fixture.deck.hash]);
		const states = await loadCardStates(db);
		expect(states.get(fixture.cardId)).toEqual(fixture.state);
		const reviews = await reviewsOfCard(db, fixture.cardId);
		expect(reviews).toHaveLength(2);
		expect(replayCard(fixture.state, reviews).state).toEqual(fixture.state);
		expect((await loadSettings(db)).newPerDay).toBe(35);
		// The new stores are empty and work.
		expect(await loadQuizAttempts(db)).toEqual([]);
		expect(await loadInterviewAnswers(db)).toEqual([]);
		await saveQuizAttempt(db, {
			scope: 'all',
			kinds: ['mcq'],
			startedAt: NOW,
			finishedAt: NOW + 1000,
			correct: 1,
			total: 1,
			answers: []
		});
		expect(await loadQuizAttempts(db)).toHaveLength(1);
		// Answering continues the card's history.
		await recordAnswer(db, {
			card: { id: fixture.cardId, deck: 'test' },
			grade: Rating.Good,
			mode: 'review',
			now: NOW + 86_400_000,
			durationMs: 1000,
			params: PARAMS
		});
		expect(await reviewsOfCard(db, fixture.cardId)).toHaveLength(3);
		// Marks (version 5) work on a card that was studied before they existed.
		await changeMarks(db, [fixture.cardId], { suspended: true }, NOW);
		expect((await loadMarks(db)).get(fixture.cardId)?.suspended).toBe(true);
		db.close();
	});

	it('upgrades a version 4 database: every store kept, marks added empty', async () => {
		const name = `fixture-v4-${Math.random()}`;
		const fixture = await versionOneFixture(name);
		// Version 4's own steps after version 1's, frozen here.
		const v4 = await openDB(name, 4, {
			upgrade(database) {
				database.createObjectStore('quizAttempts', { keyPath: 'id', autoIncrement: true });
				database.createObjectStore('interviewAnswers', { keyPath: 'id', autoIncrement: true });
				database.createObjectStore('myAnswers', { keyPath: 'item' });
				database.createObjectStore('recordings', { keyPath: 'item' });
			}
		});
		await v4.put('myAnswers', { item: 'x/y/z/interview', notes: 'kept' });
		v4.close();
		const db = await openStudyDB(name);
		expect(db.version).toBe(DB_VERSION);
		expect(await db.get('myAnswers', 'x/y/z/interview')).toEqual({
			item: 'x/y/z/interview',
			notes: 'kept'
		});
		expect((await loadCardStates(db)).get(fixture.cardId)).toEqual(fixture.state);
		expect(await loadMarks(db)).toEqual(new Map());
		db.close();
	});
});

describe('an upgrade held up by another tab', () => {
	it('is reported while an old connection stays open, and completes once it closes', async () => {
		const name = `blocked-${Math.random()}`;
		// An old tab that does not let go when asked.
		const old = await openDB(name, 1);
		let blocked = false;
		const opening = openStudyDB(name, { onBlocked: () => (blocked = true) });
		await expect.poll(() => blocked).toBe(true);
		old.close();
		const db = await opening;
		expect(db.version).toBe(DB_VERSION);
		db.close();
	});

	it('closes this connection when a newer version needs the database', async () => {
		const name = `outdated-${Math.random()}`;
		let outdated = false;
		const db = await openStudyDB(name, { onOutdated: () => (outdated = true) });
		const newer = await openDB(name, DB_VERSION + 1);
		expect(outdated).toBe(true);
		expect(newer.version).toBe(DB_VERSION + 1);
		newer.close();
		expect(db.version).toBe(DB_VERSION);
	});
});

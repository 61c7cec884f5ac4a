import { openDB } from 'idb';
import {
	createEmptyCard,
	default_learning_steps,
	default_maximum_interval,
	default_relearning_steps,
	S_MAX
} from 'ts-fsrs';
import { describe, expect, it, vi } from 'vitest';
import { serializeBackup } from '$lib/backup/file';
import { parseBackup } from '$lib/backup/parse';
import type { Backup } from '$lib/backup/schema';
import { errorMessage, UNEXPECTED } from '$lib/errors';
import { LIMITS } from '$lib/limits';
import { exportProgress, importProgress } from '$lib/storage/backup';
import { loadCardStates } from '$lib/storage/cards';
import { recordAnswer } from '$lib/state/answers';
import { openStudyDB, type StudyDatabase } from '$lib/storage/db';
import { storeDeck } from '$lib/storage/decks';
import { loadInterviewAnswers, loadQuizAttempts, saveQuizAttempt } from '$lib/storage/history';
import { answerCard, newCardState, previewDue, replayCard } from '$lib/srs/scheduler';
import { Rating, State } from '$lib/srs/types';
import { deckFrom, QUESTION, TERMS } from '../content/notes';
import { freshDB, reviewsOfCard } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PARAMS = { retention: 0.9, fuzz: false };
const CARD = { id: 'test/strategic-roles/technology-strategy/basic', deck: 'test' };
const QUESTION_ID = { id: 'test/interview/why/interview', deck: 'test' };
const ANSWER = {
	item: QUESTION_ID.id,
	deck: QUESTION_ID.deck,
	time: NOW + HOUR,
	durationMs: 60_000,
	covered: [1],
	keyPoints: 2,
	score: 0.5,
	notes: '',
	mock: null
};

/** A small history: two answers to a card, an interview answer, a quiz. */
async function studied(): Promise<{ db: StudyDatabase; backup: Backup }> {
	const db = await freshDB();
	await recordAnswer(db, {
		card: CARD,
		grade: Rating.Good,
		mode: 'review',
		now: NOW,
		durationMs: 3000,
		params: PARAMS
	});
	await recordAnswer(db, {
		card: CARD,
		grade: Rating.Again,
		mode: 'review',
		now: NOW + DAY,
		durationMs: 3000,
		params: PARAMS
	});
	await recordAnswer(db, {
		card: QUESTION_ID,
		grade: Rating.Good,
		mode: 'interview',
		now: NOW + DAY + HOUR,
		durationMs: 60_000,
		params: PARAMS,
		interview: { covered: [0], keyPoints: 2, score: 0.5, notes: 'Budget', mock: null }
	});
	await saveQuizAttempt(db, {
		scope: 'all',
		kinds: ['mcq'],
		startedAt: NOW,
		finishedAt: NOW + 60_000,
		correct: 1,
		total: 1,
		answers: []
	});
	return { db, backup: await exportProgress(db, NOW + 2 * DAY) };
}

/** Answering, scoring an interview and keeping a quiz all still work on `db` at `now`. */
async function stillWorks(db: StudyDatabase, now: number): Promise<void> {
	const answered = await recordAnswer(db, {
		card: CARD,
		grade: Rating.Good,
		mode: 'review',
		now,
		durationMs: 2000,
		params: PARAMS
	});
	expect(answered.state?.lastReview).toBe(now);
	expect(answered.review.id).toBeLessThan(1000);
	const scored = await recordAnswer(db, {
		card: QUESTION_ID,
		grade: Rating.Hard,
		mode: 'interview',
		now: now + 1000,
		durationMs: 30_000,
		params: PARAMS,
		interview: { covered: [], keyPoints: 2, score: 0, notes: '', mock: null }
	});
	expect(scored.review.mode).toBe('interview');
	const quizzes = (await loadQuizAttempts(db)).length;
	await saveQuizAttempt(db, {
		scope: 'all',
		kinds: ['truefalse'],
		startedAt: now,
		finishedAt: now + 1000,
		correct: 0,
		total: 1,
		answers: []
	});
	expect(await loadQuizAttempts(db)).toHaveLength(quizzes + 1);
	// And what is stored can be exported and read back.
	const later = now + DAY;
	const text = serializeBackup(await exportProgress(db, later));
	expect(parseBackup(text, later).rebuilt).toBe(0);
}

describe('a backup whose records carry the largest possible keys', () => {
	it('imports under new keys, and answers, interview scores and quizzes are saved after it', async () => {
		const { backup } = await studied();
		const file: Backup = {
			...backup,
			reviews: backup.reviews.map((review, index) => ({
				...review,
				id: Number.MAX_SAFE_INTEGER - 10 + index
			})),
			quizAttempts: backup.quizAttempts.map((attempt) => ({
				...attempt,
				id: Number.MAX_SAFE_INTEGER
			})),
			interviewAnswers: backup.interviewAnswers.map((answer) => ({
				...answer,
				id: Number.MAX_SAFE_INTEGER
			}))
		};
		const db = await freshDB();
		await importProgress(db, parseBackup(serializeBackup(file), NOW + 2 * DAY));
		expect(await db.getAllKeys('reviews')).toEqual([1, 2, 3]);
		expect(await db.getAllKeys('quizAttempts')).toEqual([1]);
		expect(await db.getAllKeys('interviewAnswers')).toEqual([1]);
		await stillWorks(db, NOW + 3 * DAY);
	});
});

describe('a database whose key generators a file exhausted', () => {
	/** Version 2 as it was left by importing such a file: records under keys up to 2^53 - 1. */
	async function exhaustedFixture(name: string) {
		const db = await openDB(name, 2, {
			upgrade(database) {
				database.createObjectStore('decks', { keyPath: 'id' });
				const cards = database.createObjectStore('cards', { keyPath: 'id' });
				cards.createIndex('by-due', 'due');
				cards.createIndex('by-deck', 'deck');
				const reviews = database.createObjectStore('reviews', {
					keyPath: 'id',
					autoIncrement: true
				});
				reviews.createIndex('by-card', 'card');
				reviews.createIndex('by-time', 'time');
				database.createObjectStore('settings', { keyPath: 'key' });
				const attempts = database.createObjectStore('quizAttempts', {
					keyPath: 'id',
					autoIncrement: true
				});
				attempts.createIndex('by-time', 'finishedAt');
				const interviews = database.createObjectStore('interviewAnswers', {
					keyPath: 'id',
					autoIncrement: true
				});
				interviews.createIndex('by-item', 'item');
				interviews.createIndex('by-time', 'time');
			}
		});
		const first = answerCard(newCardState(CARD.id, CARD.deck, NOW), Rating.Good, NOW, PARAMS, 2000);
		const second = answerCard(first.state, Rating.Good, NOW + DAY, PARAMS, 2000);
		const interview = answerCard(
			newCardState(QUESTION_ID.id, QUESTION_ID.deck, NOW + HOUR),
			Rating.Good,
			NOW + HOUR,
			PARAMS,
			60_000,
			'interview'
		);
		await db.put('cards', second.state);
		await db.put('cards', interview.state);
		// The imported answer under the largest key; the next answer took the last key there was.
		await db.put('reviews', { ...first.review, id: Number.MAX_SAFE_INTEGER });
		await db.add('reviews', second.review);
		await db.put('reviews', { ...interview.review, id: 5 });
		// A quiz store whose huge record was deleted since ("Reset progress"): empty, still spent.
		await db.put('quizAttempts', { id: Number.MAX_SAFE_INTEGER, scope: 'all' });
		await db.add('quizAttempts', { scope: 'all' });
		await db.clear('quizAttempts');
		await db.put('interviewAnswers', { ...ANSWER, id: 3 });
		db.close();
		return { state: second.state };
	}

	it('cannot save an answer before the repair (the fixture is what the issue found)', async () => {
		const name = `exhausted-check-${Math.random()}`;
		await exhaustedFixture(name);
		const db = await openDB(name, 2);
		await expect(db.add('reviews', { card: CARD.id } as never)).rejects.toThrow(
			/constraint was not satisfied/
		);
		db.close();
	});

	it('is repaired by the upgrade without losing a record, and saving works again', async () => {
		const name = `exhausted-${Math.random()}`;
		const fixture = await exhaustedFixture(name);
		const db = await openStudyDB(name);
		const reviews = await reviewsOfCard(db, CARD.id);
		// The same records, in the same order, under new keys.
		expect(reviews.map((review) => review.id)).toEqual([2, 3]);
		expect(reviews.map((review) => review.time)).toEqual([NOW, NOW + DAY]);
		expect(replayCard(fixture.state, reviews).state).toEqual(fixture.state);
		expect((await loadCardStates(db)).get(CARD.id)).toEqual(fixture.state);
		// A store whose generator has keys left is not touched.
		expect(await loadInterviewAnswers(db)).toEqual([{ ...ANSWER, id: 3 }]);
		expect(await loadQuizAttempts(db)).toEqual([]);
		await stillWorks(db, NOW + 3 * DAY);
		db.close();
	});
});

describe('a card whose last review is after now', () => {
	it('is answered as if it had been reviewed now, with no error', async () => {
		const db = await freshDB();
		const ahead = answerCard(
			newCardState(CARD.id, CARD.deck, NOW + 2 * HOUR),
			Rating.Good,
			NOW + 2 * HOUR,
			PARAMS,
			1000
		);
		await db.put('cards', ahead.state);
		await db.add('reviews', ahead.review);
		// The clock was set back by two hours since that answer (or a backup came from a device ahead).
		expect(() => previewDue(ahead.state, NOW, PARAMS)).not.toThrow();
		const { state, review } = await recordAnswer(db, {
			card: CARD,
			grade: Rating.Good,
			mode: 'review',
			now: NOW,
			durationMs: 1000,
			params: PARAMS
		});
		expect(state?.lastReview).toBe(NOW);
		expect(review).toMatchObject({ time: NOW, elapsedDays: 0 });
	});

	it('never reaches the learner as a library message', () => {
		let thrown: unknown;
		try {
			// What ts-fsrs itself says of a negative elapsed time.
			answerCard(
				{
					...newCardState(CARD.id, CARD.deck, NOW),
					state: State.Review,
					lastReview: NOW + 3 * DAY,
					stability: 3,
					difficulty: 5,
					reps: 1
				},
				Rating.Good,
				NOW,
				PARAMS,
				0
			);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeUndefined();
		const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const fault = new Error('Invalid delta_t "-99378"');
		expect(errorMessage(fault)).toBe(UNEXPECTED);
		// The cause is kept for whoever looks into it.
		expect(logged).toHaveBeenCalledWith('Unexpected failure:', fault);
		logged.mockRestore();
	});
});

describe('a card state that contradicts its answers', () => {
	it('is rebuilt from the answers on import, and the message says so', async () => {
		const { backup } = await studied();
		// New and never answered, says the file; its two answers say otherwise.
		const file: Backup = {
			...backup,
			cards: backup.cards.map((card) =>
				card.id === CARD.id
					? { ...card, state: State.New, reps: 0, lapses: 0, stability: 0, difficulty: 0 }
					: card
			)
		};
		const checked = parseBackup(serializeBackup(file), NOW + 2 * DAY);
		expect(checked.rebuilt).toBe(1);
		const db = await freshDB();
		const summary = await importProgress(db, checked);
		expect(summary.rebuilt).toBe(1);
		const stored = (await loadCardStates(db)).get(CARD.id);
		expect(stored).toEqual(backup.cards.find((card) => card.id === CARD.id));
		await stillWorks(db, NOW + 3 * DAY);
	});

	it('is refused where no card could ever be in it: more lapses than answers', async () => {
		const { backup } = await studied();
		const file: Backup = {
			...backup,
			cards: backup.cards.map((card) =>
				card.id === CARD.id ? { ...card, state: State.New, reps: 0, lapses: 7 } : card
			)
		};
		expect(() => parseBackup(serializeBackup(file), NOW + 2 * DAY)).toThrow(
			'cards[1] has more lapses than answers.'
		);
	});
});

describe('items that exist nowhere', () => {
	it('are stored retired, with their history', async () => {
		const { backup } = await studied();
		const db = await freshDB();
		// This device has a deck "test", but not the card and the question of the backup.
		await storeDeck(db, { ...deckFrom(`${TERMS}\n${QUESTION}`), id: 'test' }, NOW);
		const known = new Set(
			(await db.getAll('decks')).flatMap((deck) => deck.items.map((item) => item.id))
		);
		await importProgress(db, parseBackup(serializeBackup(backup), NOW + 2 * DAY));
		for (const card of await db.getAll('cards')) expect(card.retired).toBe(!known.has(card.id));
		expect(await loadInterviewAnswers(db)).toHaveLength(1);
	});
});

describe('the limits of a backup', () => {
	it("are ts-fsrs's own", () => {
		expect(LIMITS.maxStability).toBe(S_MAX);
		expect(LIMITS.maxIntervalDays).toBe(default_maximum_interval);
		expect(LIMITS.maxLearningStep).toBe(
			Math.max(default_learning_steps.length, default_relearning_steps.length)
		);
		expect(createEmptyCard(new Date(NOW))).toMatchObject({
			stability: 0,
			difficulty: 0,
			learning_steps: 0
		});
	});
});

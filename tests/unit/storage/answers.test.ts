import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCardStates, UndoError } from '$lib/storage/cards';
import { recordAnswer, requestCards, undoAnswer } from '$lib/state/answers';
import { StorageError } from '$lib/storage/errors';
import { countAnswers, reviewsSince } from '$lib/storage/reviews';
import { loadInterviewAnswers } from '$lib/storage/history';
import { studiedToday } from '$lib/srs/queue';
import { replayCard } from '$lib/srs/scheduler';
import { Rating, State, type Grade } from '$lib/srs/types';
import { freshDB, reviewsOfCard } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PARAMS = { retention: 0.9, fuzz: false };
const CARD = { id: 'roles/strategic-roles/technology-strategy/basic', deck: 'roles' };

function answer(grade: Grade, now: number, card = CARD, mode: 'review' | 'cram' = 'review') {
	return { card, grade, mode, now, durationMs: 3000, params: PARAMS };
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('recording an answer', () => {
	it('stores the card state and its review together', async () => {
		const db = await freshDB();
		const { state, review } = await recordAnswer(db, answer(Rating.Good, NOW));
		expect(state?.state).toBe(State.Learning);
		expect(review.id).toBeTypeOf('number');
		expect((await loadCardStates(db)).get(CARD.id)).toEqual(state);
		expect(await reviewsOfCard(db, CARD.id)).toEqual([review]);
	});

	it('stores nothing at all when the review cannot be written', async () => {
		const db = await freshDB();
		const first = await recordAnswer(db, answer(Rating.Good, NOW));
		const add = IDBObjectStore.prototype.add;
		vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
			this: IDBObjectStore,
			...args
		) {
			if (this.name === 'reviews') throw new DOMException('The disk is full', 'QuotaExceededError');
			return add.apply(this, args);
		});
		await expect(recordAnswer(db, answer(Rating.Easy, NOW + 10 * MINUTE))).rejects.toThrowError(
			expect.objectContaining({ name: 'StorageError', problem: 'quota' })
		);
		vi.restoreAllMocks();
		// The card state written before the failure was rolled back with the transaction.
		expect((await loadCardStates(db)).get(CARD.id)).toEqual(first.state);
		expect(await reviewsOfCard(db, CARD.id)).toHaveLength(1);
	});

	it('keeps cram answers out of the schedule', async () => {
		const db = await freshDB();
		const first = await recordAnswer(db, answer(Rating.Good, NOW));
		const cram = await recordAnswer(db, answer(Rating.Again, NOW + MINUTE, CARD, 'cram'));
		expect(cram.state).toBeNull();
		expect(cram.review.mode).toBe('cram');
		expect((await loadCardStates(db)).get(CARD.id)).toEqual(first.state);
		expect(await reviewsSince(db, NOW)).toHaveLength(2);
	});
});

describe('undoing an answer', () => {
	it('restores the card state before it and removes its review', async () => {
		const db = await freshDB();
		const first = await recordAnswer(db, answer(Rating.Good, NOW));
		const second = await recordAnswer(db, answer(Rating.Good, NOW + 10 * MINUTE));
		const restored = await undoAnswer(db, second.review.id as number);
		expect(restored).toEqual(first.state);
		expect((await loadCardStates(db)).get(CARD.id)).toEqual(first.state);
		expect(await reviewsOfCard(db, CARD.id)).toEqual([first.review]);
	});

	it('makes a card answered once new again', async () => {
		const db = await freshDB();
		const only = await recordAnswer(db, answer(Rating.Again, NOW));
		expect(await undoAnswer(db, only.review.id as number)).toBeNull();
		expect((await loadCardStates(db)).has(CARD.id)).toBe(false);
		expect(await reviewsOfCard(db, CARD.id)).toEqual([]);
	});

	it('refuses to undo anything but the latest answer of a card, changing nothing', async () => {
		const db = await freshDB();
		const first = await recordAnswer(db, answer(Rating.Good, NOW));
		const second = await recordAnswer(db, answer(Rating.Good, NOW + 10 * MINUTE));
		await expect(undoAnswer(db, first.review.id as number)).rejects.toBeInstanceOf(UndoError);
		expect((await loadCardStates(db)).get(CARD.id)).toEqual(second.state);
		expect(await reviewsOfCard(db, CARD.id)).toHaveLength(2);
	});
});

describe('the review log is the record of truth', () => {
	it('every stored card state equals the replay of its reviews, whatever was answered and undone', async () => {
		const cards = ['a', 'b', 'c'].map((fact) => ({ id: `d/t/${fact}/basic`, deck: 'd' }));
		const step = fc.record({
			card: fc.integer({ min: 0, max: 2 }),
			grade: fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy),
			wait: fc.integer({ min: MINUTE, max: 30 * DAY }),
			undo: fc.boolean(),
			cram: fc.boolean()
		});
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
				const db = await freshDB();
				let now = NOW;
				for (const { card, grade, wait, undo, cram } of steps) {
					now += wait;
					const target = cards[card] as (typeof cards)[number];
					const { review } = await recordAnswer(
						db,
						answer(grade, now, target, cram ? 'cram' : 'review')
					);
					if (undo) await undoAnswer(db, review.id as number);
				}
				const states = await loadCardStates(db);
				for (const card of cards) {
					const replayed = replayCard(
						{ ...card, retired: false, requested: null },
						await reviewsOfCard(db, card.id)
					).state;
					expect(states.get(card.id) ?? null).toEqual(replayed);
				}
				db.close();
			}),
			{ numRuns: 40 }
		);
	});
});

describe('asking to see cards again first', () => {
	it('flags studied and new cards without touching their schedule', async () => {
		const db = await freshDB();
		const studied = await recordAnswer(db, answer(Rating.Easy, NOW));
		const fresh = { id: 'roles/strategic-roles/managing/basic', deck: 'roles' };
		await requestCards(db, [CARD, fresh], NOW + DAY);
		const states = await loadCardStates(db);
		expect(states.get(CARD.id)).toEqual({ ...studied.state, requested: NOW + DAY });
		expect(states.get(fresh.id)).toMatchObject({
			state: State.New,
			reps: 0,
			requested: NOW + DAY + 1
		});
		// Answering clears the flag.
		const again = await recordAnswer(db, answer(Rating.Good, NOW + 2 * DAY));
		expect(again.state?.requested).toBeNull();
	});
});

describe('storage errors', () => {
	it('say what happened in words a person can act on', () => {
		expect(new StorageError('quota').message).toMatch(/out of storage space/);
		expect(new StorageError('outdated').message).toMatch(/Reload/);
	});
});

describe('counting answers per day', () => {
	it('counts from the time index', async () => {
		const db = await freshDB();
		await recordAnswer(db, answer(Rating.Good, NOW));
		await recordAnswer(db, answer(Rating.Good, NOW + MINUTE, CARD, 'cram'));
		await recordAnswer(db, answer(Rating.Good, NOW + DAY));
		const counts = await countAnswers(db, [
			{ key: 'first', start: NOW, end: NOW + DAY },
			{ key: 'second', start: NOW + DAY, end: NOW + 2 * DAY },
			{ key: 'third', start: NOW + 2 * DAY, end: NOW + 3 * DAY }
		]);
		expect([...counts]).toEqual([
			['first', 2],
			['second', 1],
			['third', 0]
		]);
	});
});

describe('interview answers', () => {
	it('are scheduled like cards and keep what was covered, in one transaction', async () => {
		const db = await freshDB();
		const question = { id: 'roles/strategic-roles/why/interview', deck: 'roles' };
		const { state, review } = await recordAnswer(db, {
			...answer(Rating.Hard, NOW, question),
			mode: 'interview',
			interview: { covered: [0, 2], keyPoints: 4, score: 0.5, notes: 'I said…', mock: null }
		});
		expect(state?.reps).toBe(1);
		expect(review.mode).toBe('interview');
		const [stored] = await loadInterviewAnswers(db);
		expect(stored).toMatchObject({
			item: question.id,
			covered: [0, 2],
			score: 0.5,
			time: NOW,
			notes: 'I said…'
		});
		// Interview answers are not flashcard reviews: they do not use up the day's new cards.
		expect(studiedToday(await reviewsSince(db, NOW), () => []).newCards).toBe(0);
	});

	it('are undone with what was covered: the state before, no review, no interview record', async () => {
		const db = await freshDB();
		const question = { id: 'roles/strategic-roles/why/interview', deck: 'roles' };
		const interview = (grade: Grade, now: number, covered: number[]) =>
			recordAnswer(db, {
				...answer(grade, now, question),
				mode: 'interview',
				interview: { covered, keyPoints: 4, score: covered.length / 4, notes: '', mock: null }
			});
		const first = await interview(Rating.Good, NOW, [0, 1, 2]);
		const second = await interview(Rating.Again, NOW + DAY, [0]);
		expect(await loadInterviewAnswers(db)).toHaveLength(2);

		expect(await undoAnswer(db, second.review.id as number)).toEqual(first.state);
		expect(await reviewsOfCard(db, question.id)).toEqual([first.review]);
		const left = await loadInterviewAnswers(db);
		expect(left.map((stored) => stored.time)).toEqual([NOW]);

		expect(await undoAnswer(db, first.review.id as number)).toBeNull();
		expect(await loadInterviewAnswers(db)).toEqual([]);
		expect((await loadCardStates(db)).has(question.id)).toBe(false);
	});
});

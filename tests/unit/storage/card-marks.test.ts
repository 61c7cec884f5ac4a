import { describe, expect, it } from 'vitest';
import { serializeBackup } from '$lib/backup/file';
import { parseBackup } from '$lib/backup/parse';
import { buildQueue, nothingStudied, unseenCards, type StudyCard } from '$lib/srs/queue';
import { answerCard, newCardState, replayCard } from '$lib/srs/scheduler';
import { Rating, State, type CardState } from '$lib/srs/types';
import { markCards, NO_MARKS, recordAnswer, undoAnswer } from '$lib/state/answers';
import { exportProgress, importProgress } from '$lib/storage/backup';
import { moveProgress } from '$lib/storage/moves';
import { deviceContents, freshDB, importText } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const LATER = NOW + 60 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;
const params = { retention: 0.9, fuzz: false };

const A = { id: 'roles/defs/a/basic', deck: 'roles' };
const B = { id: 'roles/defs/b/basic', deck: 'roles' };

function studyCard(card: { id: string; deck: string }): StudyCard {
	return { id: card.id, deck: card.deck, fact: card.id, sentence: card.id };
}

const suspended = { ...NO_MARKS, suspended: true };
const limits = { newPerDay: 20, newPerDeck: 10, reviewsPerDay: 200 };

describe('a suspended card', () => {
	it('is never in the study queue, due or new, until unsuspended', () => {
		const due: CardState = {
			...newCardState(A.id, A.deck, NOW - 9 * DAY),
			state: State.Review,
			due: NOW - DAY
		};
		const fresh = newCardState(B.id, B.deck, NOW);
		const cards = [studyCard(A), studyCard(B)];
		const queue = (states: CardState[]) =>
			buildQueue(
				cards,
				new Map(states.map((state) => [state.id, state])),
				nothingStudied(),
				limits,
				NOW + DAY
			);
		expect(queue([due, fresh]).reviews.map((state) => state.id)).toEqual([A.id]);
		expect(queue([due, fresh]).fresh.map((card) => card.id)).toEqual([B.id]);

		const marked = [
			{ ...due, marks: suspended },
			{ ...fresh, marks: suspended }
		];
		expect(queue(marked)).toEqual({ requested: [], reviews: [], learning: [], fresh: [] });
		expect(unseenCards(cards, new Map(marked.map((state) => [state.id, state])))).toBe(0);

		const back = marked.map((state) => ({ ...state, marks: NO_MARKS }));
		expect(queue(back).reviews).toHaveLength(1);
		expect(queue(back).fresh).toHaveLength(1);
	});

	it('keeps its marks when its state is replayed from its answers', () => {
		const marks = { suspended: true, flagged: true, note: 'Ask about Postgres' };
		const { review } = answerCard(newCardState(A.id, A.deck, NOW), Rating.Good, NOW, params, 1000);
		const identity = { ...A, retired: false, requested: null };
		expect(replayCard({ ...identity, marks }, [review]).state?.marks).toEqual(marks);
		expect(replayCard(identity, [review]).state).not.toHaveProperty('marks');
	});
});

describe('marks in storage and backups', () => {
	it('are set on cards never studied, kept through answers and an undo, and backed up', async () => {
		const db = await freshDB();
		await markCards(db, [A, B], (marks) => ({ ...marks, flagged: true }), NOW);
		await markCards(db, [A], (marks) => ({ ...marks, note: 'Ask about Postgres' }), NOW);
		const flaggedNote = { suspended: false, flagged: true, note: 'Ask about Postgres' };
		expect((await db.get('cards', A.id))?.marks).toEqual(flaggedNote);
		expect(await db.get('cards', B.id)).toMatchObject({
			state: State.New,
			marks: { flagged: true }
		});

		const { review } = await recordAnswer(db, {
			card: A,
			grade: Rating.Good,
			mode: 'review',
			now: NOW,
			durationMs: 1000,
			params
		});
		expect((await db.get('cards', A.id))?.marks).toEqual(flaggedNote);
		// Undone, the card is new again, and keeps the note and flag.
		await undoAnswer(db, review.id!);
		expect(await db.get('cards', A.id)).toMatchObject({ state: State.New, marks: flaggedNote });

		await recordAnswer(db, {
			card: A,
			grade: Rating.Good,
			mode: 'review',
			now: NOW,
			durationMs: 1000,
			params
		});
		const text = serializeBackup(await exportProgress(db, LATER));
		const checked = parseBackup(text, LATER);
		// The file agrees with its answers: nothing is rebuilt, and the marks stay.
		expect(checked.rebuilt).toBe(0);
		const other = await freshDB();
		await importProgress(other, checked);
		expect((await other.get('cards', A.id))?.marks).toEqual(flaggedNote);
		expect((await other.get('cards', B.id))?.marks).toEqual({ ...NO_MARKS, flagged: true });
	});

	it('follow a card whose fact moved to another id, answered or not', async () => {
		const db = await freshDB();
		const answered = 'a/t/old/basic';
		const unanswered = 'a/t/old/reverse';
		const cards = [answered, unanswered].map((id) => ({ id, deck: 'a' }));
		const marks = { suspended: true, flagged: false, note: 'Mine' };
		await markCards(db, cards, () => marks, NOW);
		await recordAnswer(db, {
			card: cards[0]!,
			grade: Rating.Good,
			mode: 'review',
			now: NOW,
			durationMs: 1000,
			params
		});
		const moved = new Map([
			[answered, 'a/t/new/basic'],
			[unanswered, 'a/t/new/reverse']
		]);
		expect(await moveProgress(db, moved, replayCard)).toBe(2);
		expect((await db.get('cards', 'a/t/new/basic'))?.marks).toEqual(marks);
		expect((await db.get('cards', 'a/t/new/reverse'))?.marks).toEqual(marks);
		expect(await db.get('cards', answered)).toBeUndefined();
	});

	it('a file from before marks imports; a file with bad marks is refused and changes nothing', async () => {
		const db = await freshDB();
		await markCards(db, [A], () => ({ ...NO_MARKS, suspended: true }), NOW);
		const file = JSON.parse(serializeBackup(await exportProgress(db, LATER)));
		const older = structuredClone(file);
		older.version = 3;
		delete older.cards[0].marks;
		const other = await freshDB();
		await importText(other, JSON.stringify(older), LATER);
		expect((await other.get('cards', A.id))?.marks).toBeUndefined();

		const before = await deviceContents(db, LATER);
		const long = structuredClone(file);
		long.cards[0].marks.note = 'x'.repeat(2001);
		await expect(importText(db, JSON.stringify(long), LATER)).rejects.toThrow(
			/cards\[0\]\.marks\.note.*2,?000 characters/s
		);
		const unknown = structuredClone(file);
		unknown.cards[0].marks.colour = 'red';
		await expect(importText(db, JSON.stringify(unknown), LATER)).rejects.toThrow(/colour/);
		expect(await deviceContents(db, LATER)).toEqual(before);
	});
});

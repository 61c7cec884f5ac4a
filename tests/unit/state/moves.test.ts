import { describe, expect, it } from 'vitest';
import type { Deck, Item } from '$lib/content/types';
import { resolveMoves } from '$lib/srs/moves';
import { replayCard } from '$lib/srs/scheduler';
import { Rating } from '$lib/srs/types';
import { recordAnswer, requestCards } from '$lib/state/answers';
import { settleMoves } from '$lib/state/deck-sync';
import { EMPTY_ANSWER, type MyAnswer } from '$lib/quiz/my-answer';
import type { StudyDatabase } from '$lib/storage/db';
import { loadMyAnswer, saveMyAnswer } from '$lib/storage/my-answers';
import { changeMarks, loadMarks } from '$lib/storage/marks';
import { loadRecording, saveRecording } from '$lib/storage/recordings';
import { freshDB } from '../storage/db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const DAY = 86_400_000;
const PARAMS = { retention: 0.9, fuzz: false };
const source = { file: 'a.md', heading: 'H', anchor: 'h', line: 1 };

function card(id: string): Item {
	return {
		id,
		kind: id.endsWith('/cloze') ? 'cloze' : 'basic',
		topic: id.split('/')[1] ?? '',
		fact: id.slice(0, id.lastIndexOf('/')),
		source,
		...(id.endsWith('/cloze') ? { text: 'x […]', answer: 'y' } : { front: 'Q?', back: 'A' })
	} as Item;
}

function deck(id: string, items: string[], moved?: Record<string, string>): Deck {
	return {
		id,
		title: id,
		description: '',
		order: 1,
		url: `/decks/${id}.json`,
		hash: id,
		counts: {} as Deck['counts'],
		topics: [],
		items: items.map(card),
		...(moved ? { moved } : {})
	};
}

describe('resolving moves', () => {
	const decks = [
		deck('a', ['a/t/new/basic', 'a/t/new/reverse', 'a/t/term/basic'], {
			'a/t/old': 'a/t/new',
			'a/t/phrase/cloze': 'a/t/term/basic',
			'a/t/first': 'a/t/second',
			'a/t/second': 'a/t/new',
			'a/t/gone': 'a/t/nowhere'
		})
	];

	it('maps a fact to a fact kind by kind, an item to an item, and follows chains', () => {
		const moves = resolveMoves(decks, [
			'a/t/old/basic',
			'a/t/old/reverse',
			'a/t/old/mcq',
			'a/t/phrase/cloze',
			'a/t/first/basic',
			'a/t/gone/basic',
			'a/t/new/basic'
		]);
		expect(Object.fromEntries(moves)).toEqual({
			'a/t/old/basic': 'a/t/new/basic',
			'a/t/old/reverse': 'a/t/new/reverse',
			'a/t/phrase/cloze': 'a/t/term/basic',
			'a/t/first/basic': 'a/t/new/basic'
		});
	});
});

describe('settling moves on this device', () => {
	it('files answers under the new id and rebuilds the card from all of them, losing none', async () => {
		const db = await freshDB();
		const answer = (id: string, now: number) =>
			recordAnswer(db, {
				card: { id, deck: 'a' },
				grade: Rating.Good,
				mode: 'review',
				now,
				durationMs: 1000,
				params: PARAMS
			});
		// Two old cards merged into one new card that has history of its own, and a requested card.
		await answer('a/t/phrase/cloze', NOW);
		await answer('a/t/term/basic', NOW + DAY);
		await answer('a/t/phrase/cloze', NOW + 3 * DAY);
		await answer('a/t/old/basic', NOW + 2 * DAY);
		await requestCards(db, [{ id: 'a/t/asked/basic', deck: 'a' }], NOW + 4 * DAY);
		const before = await db.count('reviews');
		const decks = [
			deck('a', ['a/t/term/basic', 'a/t/new/basic', 'a/t/later/basic'], {
				'a/t/phrase/cloze': 'a/t/term/basic',
				'a/t/old': 'a/t/new',
				'a/t/asked': 'a/t/later'
			})
		];
		expect(await settleMoves(db, decks)).toBe(3);
		expect(await db.count('reviews')).toBe(before);
		const term = await db.getAllFromIndex('reviews', 'by-card', 'a/t/term/basic');
		expect(term.map((review) => review.time).sort()).toEqual([NOW, NOW + DAY, NOW + 3 * DAY]);
		const state = await db.get('cards', 'a/t/term/basic');
		expect(state).toEqual(
			replayCard({ id: 'a/t/term/basic', deck: 'a', retired: false, requested: null }, term).state
		);
		expect(state?.reps).toBe(3);
		expect(await db.get('cards', 'a/t/phrase/cloze')).toBeUndefined();
		expect((await db.get('cards', 'a/t/new/basic'))?.reps).toBe(1);
		// A card asked for but never answered keeps its request under its new id.
		expect(await db.get('cards', 'a/t/later/basic')).toMatchObject({
			id: 'a/t/later/basic',
			requested: NOW + 4 * DAY
		});
		// Once settled, nothing is left to move.
		expect(await settleMoves(db, decks)).toBe(0);
	});
});

describe('settling moves and the candidate’s own words', () => {
	const mine = (item: string, notes: string, updatedAt: number): MyAnswer => ({
		...EMPTY_ANSWER,
		item,
		notes,
		updatedAt
	});
	const voice = (item: string, sound: number, recordedAt: number) => ({
		item,
		audio: new Blob([new Uint8Array([sound])], { type: 'audio/webm' }),
		mimeType: 'audio/webm',
		size: 1,
		recordedAt
	});
	async function soundOf(db: StudyDatabase, key: string): Promise<number | null> {
		const kept = await loadRecording(db, key);
		return kept ? (new Uint8Array(await kept.audio.arrayBuffer())[0] ?? null) : null;
	}

	it('moves own answers and recordings (a follow-up’s too) to the new id, the newer winning', async () => {
		const db = await freshDB();
		// Never answered in a quiz: only the candidate's own answer and recordings are kept.
		await saveMyAnswer(db, mine('a/t/q1/interview', 'Moves alone', NOW));
		await saveRecording(db, voice('a/t/q1/interview', 1, NOW));
		await saveRecording(db, voice('a/t/q1/interview/follow-up', 2, NOW));
		// Both ids hold some: the newer answer is under the new id, the newer recording under the old.
		await saveMyAnswer(db, mine('a/t/q2/interview', 'Older, old id', NOW - DAY));
		await saveMyAnswer(db, mine('a/t/p2/interview', 'Newer, new id', NOW));
		await saveRecording(db, voice('a/t/q2/interview', 3, NOW));
		await saveRecording(db, voice('a/t/p2/interview', 4, NOW - DAY));
		const decks = [
			deck('a', ['a/t/p1/interview', 'a/t/p2/interview'], {
				'a/t/q1': 'a/t/p1',
				'a/t/q2': 'a/t/p2'
			})
		];
		expect(await settleMoves(db, decks)).toBe(2);
		expect(await loadMyAnswer(db, 'a/t/p1/interview')).toMatchObject({ notes: 'Moves alone' });
		expect(await loadMyAnswer(db, 'a/t/p2/interview')).toMatchObject({ notes: 'Newer, new id' });
		expect(await soundOf(db, 'a/t/p1/interview')).toBe(1);
		expect(await soundOf(db, 'a/t/p1/interview/follow-up')).toBe(2);
		expect(await soundOf(db, 'a/t/p2/interview')).toBe(3);
		// Nothing is left behind under the old ids, where it would never be shown again.
		expect(await db.getAllKeys('myAnswers')).toEqual(['a/t/p1/interview', 'a/t/p2/interview']);
		expect(await db.getAllKeys('recordings')).toEqual([
			'a/t/p1/interview',
			'a/t/p1/interview/follow-up',
			'a/t/p2/interview'
		]);
		expect(await settleMoves(db, decks)).toBe(0);
	});

	it('moves what the learner set on a card to its new id, the newer marks winning', async () => {
		const db = await freshDB();
		// Never studied: only marks, which move all the same.
		await changeMarks(db, ['a/t/old/basic'], { suspended: true, note: 'Moves' }, NOW);
		await changeMarks(db, ['a/t/q/basic'], { flagged: true }, NOW - DAY);
		await changeMarks(db, ['a/t/p/basic'], { note: 'Newer, new id' }, NOW);
		const decks = [
			deck('a', ['a/t/new/basic', 'a/t/p/basic'], { 'a/t/old': 'a/t/new', 'a/t/q': 'a/t/p' })
		];
		expect(await settleMoves(db, decks)).toBe(2);
		const marks = await loadMarks(db);
		expect([...marks.keys()].sort()).toEqual(['a/t/new/basic', 'a/t/p/basic']);
		expect(marks.get('a/t/new/basic')).toMatchObject({ suspended: true, note: 'Moves' });
		expect(marks.get('a/t/p/basic')).toMatchObject({ flagged: false, note: 'Newer, new id' });
		expect(await settleMoves(db, decks)).toBe(0);
	});
});

import { describe, expect, it } from 'vitest';
import { changedMark, NO_MARKS, suspendedIds, unmarked } from '$lib/marks/marks';
import { changeMarks, loadMarks } from '$lib/storage/marks';
import { freshDB } from './db';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const A = 'cto-role/what-a-cto-is/a/basic';
const B = 'own-acme/cards/b/basic';

describe('marks on cards', () => {
	it('suspend, flag and note cards in one go, each change keeping what it does not touch', async () => {
		const db = await freshDB();
		await changeMarks(db, [A, B], { suspended: true }, NOW);
		await changeMarks(db, [A], { flagged: true, note: '  Ask Ada  ' }, NOW + 1);
		const marks = await loadMarks(db);
		expect(marks.get(A)).toEqual({
			item: A,
			suspended: true,
			flagged: true,
			note: 'Ask Ada',
			updatedAt: NOW + 1
		});
		expect(marks.get(B)).toEqual({
			item: B,
			suspended: true,
			flagged: false,
			note: '',
			updatedAt: NOW
		});
		expect(suspendedIds(marks.values())).toEqual(new Set([A, B]));
	});

	it('a card left with no marks keeps its time, so older marks from a backup stay away', async () => {
		const db = await freshDB();
		await changeMarks(db, [A], { suspended: true, note: 'x' }, NOW);
		await changeMarks(db, [A], { suspended: false, note: ' ' }, NOW + 1);
		const mark = (await loadMarks(db)).get(A)!;
		expect(mark).toEqual({ item: A, ...NO_MARKS, updatedAt: NOW + 1 });
	});

	it('a damaged record reads as no marks, and the next change replaces it', async () => {
		const db = await freshDB();
		await db.put('marks', { item: A, suspended: 'yes' } as never);
		expect((await loadMarks(db)).has(A)).toBe(false);
		await changeMarks(db, [A], { flagged: true }, NOW);
		expect((await loadMarks(db)).get(A)).toEqual({ ...unmarked(A), flagged: true, updatedAt: NOW });
	});

	it('knows an empty mark, and trims the note', () => {
		expect(unmarked(A)).toEqual({
			item: A,
			suspended: false,
			flagged: false,
			note: '',
			updatedAt: 0
		});
		expect(changedMark(unmarked(A), { note: '  ' }, 5)).toEqual({ ...unmarked(A), updatedAt: 5 });
		expect(changedMark(unmarked(A), { flagged: true }, 5)).toMatchObject({ flagged: true });
		expect(changedMark(unmarked(A), { note: ' hi ' }, 5)).toMatchObject({
			note: 'hi',
			updatedAt: 5
		});
	});
});

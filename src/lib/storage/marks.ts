import * as v from 'valibot';
import {
	CardMarkSchema,
	changedMark,
	unmarked,
	type CardMark,
	type CardMarks
} from '$lib/marks/marks';
import { stamp } from './clock';
import type { StoredMark, StudyDatabase } from './db';
import { toStorageError } from './errors';
import { inTransaction, write } from './transaction';

/**
 * Every card's marks that read back well, by item id (a damaged record is left out: the card is
 * then unmarked, and the next change replaces it).
 * @throws StorageError when storage cannot be read
 */
export async function loadMarks(db: StudyDatabase): Promise<Map<string, CardMark>> {
	let records: unknown[];
	try {
		records = await db.getAll('marks');
	} catch (error) {
		throw toStorageError(error);
	}
	const marks = new Map<string, CardMark>();
	for (const record of records) {
		const mark = markOf(record);
		if (mark) marks.set(mark.item, mark);
	}
	return marks;
}

/**
 * A stored record's marks, without the clock reading of their last edit (which only sync reads),
 * or null when the record does not read back well.
 */
export function markOf(record: unknown): CardMark | null {
	if (typeof record !== 'object' || record === null) return null;
	const copy: Partial<StoredMark> = { ...record };
	delete copy.hlc;
	const parsed = v.safeParse(CardMarkSchema, copy);
	return parsed.success ? parsed.output : null;
}

/**
 * Changes the marks of these cards in one transaction (all or none): each card's stored marks
 * are read inside it, so a change made in another tab meanwhile is kept where this one does not
 * touch it. Each is stamped with a new reading of this device's clock (see stamp), read and
 * advanced in the same transaction, so that the newest edit of a card's marks wins when devices
 * sync.
 * @returns the cards' marks as stored now
 * @throws StorageError when it could not be stored (nothing changed)
 */
export async function changeMarks(
	db: StudyDatabase,
	items: readonly string[],
	change: Partial<CardMarks>,
	now: number
): Promise<CardMark[]> {
	const tx = db.transaction(['marks', 'settings'], 'readwrite');
	return inTransaction(tx, async () => {
		const store = tx.objectStore('marks');
		const marks: CardMark[] = [];
		// One card after another: each reading of the clock follows the one before.
		for (const item of items) {
			const next = changedMark(markOf(await store.get(item)) ?? unmarked(item), change, now);
			const hlc = await stamp(tx.objectStore('settings'), now);
			// A card left with no marks keeps its record (and its time), so that older marks of it
			// in a backup do not come back over the newer "none".
			write(store.put({ ...next, hlc }));
			marks.push(next);
		}
		return marks;
	});
}

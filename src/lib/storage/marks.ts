import * as v from 'valibot';
import {
	CardMarkSchema,
	changedMark,
	unmarked,
	type CardMark,
	type CardMarks
} from '$lib/marks/marks';
import type { StudyDatabase } from './db';
import { toStorageError } from './errors';

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
		const parsed = v.safeParse(CardMarkSchema, record);
		if (parsed.success) marks.set(parsed.output.item, parsed.output);
	}
	return marks;
}

/**
 * Changes the marks of these cards in one transaction (all or none): each card's stored marks
 * are read inside it, so a change made in another tab meanwhile is kept where this one does not
 * touch it.
 * @returns the cards' marks as stored now
 * @throws StorageError when it could not be stored (nothing changed)
 */
export async function changeMarks(
	db: StudyDatabase,
	items: readonly string[],
	change: Partial<CardMarks>,
	now: number
): Promise<CardMark[]> {
	try {
		const tx = db.transaction('marks', 'readwrite');
		const marks = await Promise.all(
			items.map(async (item) => {
				const stored = v.safeParse(CardMarkSchema, await tx.store.get(item));
				const next = changedMark(stored.success ? stored.output : unmarked(item), change, now);
				// A card left with no marks keeps its record (and its time), so that older marks of it
				// in a backup do not come back over the newer "none".
				await tx.store.put(next);
				return next;
			})
		);
		await tx.done;
		return marks;
	} catch (error) {
		throw toStorageError(error);
	}
}

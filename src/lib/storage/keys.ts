import type { StudyDatabase } from './db';
import { toStorageError } from './errors';

/**
 * Each key of a string index once, in order, read from the index alone (no record is loaded):
 * cheap even with a year of answers.
 * @throws StorageError when storage cannot be read
 */
export async function uniqueKeys(
	db: StudyDatabase,
	where: { store: 'cards'; index: 'by-deck' } | { store: 'reviews'; index: 'by-card' }
): Promise<string[]> {
	try {
		const keys: string[] = [];
		const tx = db.transaction(where.store);
		const index =
			where.store === 'cards'
				? tx.objectStore('cards').index('by-deck')
				: tx.objectStore('reviews').index('by-card');
		let cursor = await index.openKeyCursor(null, 'nextunique');
		while (cursor) {
			keys.push(cursor.key);
			cursor = await cursor.continue();
		}
		await tx.done;
		return keys;
	} catch (error) {
		throw toStorageError(error);
	}
}

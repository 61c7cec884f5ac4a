import type { Review } from '$lib/srs/types';
import type { StudyDatabase } from './db';
import { toStorageError } from './errors';

/** Reviews given at or after `since` (epoch ms), oldest first. */
export async function reviewsSince(db: StudyDatabase, since: number): Promise<Review[]> {
	try {
		return await db.getAllFromIndex('reviews', 'by-time', IDBKeyRange.lowerBound(since));
	} catch (error) {
		throw toStorageError(error);
	}
}

/**
 * How many answers were given in each time range, counted by the time index without reading the
 * reviews themselves (cheap even with a year of history).
 */
export async function countAnswers(
	db: StudyDatabase,
	ranges: readonly { key: string; start: number; end: number }[]
): Promise<Map<string, number>> {
	try {
		const index = db.transaction('reviews').store.index('by-time');
		const counts = await Promise.all(
			ranges.map((range) => index.count(IDBKeyRange.bound(range.start, range.end, false, true)))
		);
		return new Map(ranges.map((range, i) => [range.key, counts[i] ?? 0]));
	} catch (error) {
		throw toStorageError(error);
	}
}

/** Every answer given to one card (or interview question), oldest first. */
export async function reviewsOfCard(db: StudyDatabase, card: string): Promise<Review[]> {
	try {
		const reviews = await db.getAllFromIndex('reviews', 'by-card', card);
		return reviews.sort((a, b) => a.time - b.time);
	} catch (error) {
		throw toStorageError(error);
	}
}

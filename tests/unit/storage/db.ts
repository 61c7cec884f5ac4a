import 'fake-indexeddb/auto';
import { openStudyDB, type StudyDatabase } from '$lib/storage/db';
import type { Review } from '$lib/srs/types';

let counter = 0;

/** A fresh, empty study database with a name of its own. */
export async function freshDB(): Promise<StudyDatabase> {
	counter += 1;
	return openStudyDB(`test-${counter}-${Math.random().toString(36).slice(2)}`);
}

/** Every review of one card, oldest first. */
export function reviewsOfCard(db: StudyDatabase, card: string): Promise<Review[]> {
	return db.getAllFromIndex('reviews', 'by-card', card);
}

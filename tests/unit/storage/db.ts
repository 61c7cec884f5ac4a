import 'fake-indexeddb/auto';
import { openStudyDB, type StudyDatabase } from '$lib/storage/db';
import type { Review } from '$lib/srs/types';
import { parseBackup } from '$lib/backup/parse';
import { exportProgress, importProgress } from '$lib/storage/backup';

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

/**
 * Imports a backup file's text as the app does: checked, then stored. A refused file rejects
 * with the reason the learner would read.
 */
export async function importText(db: StudyDatabase, text: string, now: number) {
	return importProgress(db, parseBackup(text, now));
}

/**
 * Everything a device holds that a backup can carry, recordings included: compared before and
 * after an import that must change nothing.
 */
export function deviceContents(db: StudyDatabase, now: number) {
	return exportProgress(db, now, { recordings: true });
}

import 'fake-indexeddb/auto';
import { openStudyDB, type StudyDatabase } from '$lib/storage/db';

let counter = 0;

/** A fresh, empty study database with a name of its own. */
export async function freshDB(): Promise<StudyDatabase> {
	counter += 1;
	return openStudyDB(`test-${counter}-${Math.random().toString(36).slice(2)}`);
}

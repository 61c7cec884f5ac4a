import { openStudyDB, type StudyDatabase } from '$lib/storage/db';
import { toStorageError } from '$lib/storage/errors';
import { storageStatus } from './storage-status.svelte';

let opening: Promise<StudyDatabase> | undefined;

/**
 * The study database, opened once per page and only in the browser.
 * @throws StorageError when storage is unavailable (private mode, blocked) or outdated
 */
export function database(): Promise<StudyDatabase> {
	opening ??= openStudyDB(undefined, {
		onOutdated: () => {
			storageStatus.outdated = true;
			opening = undefined;
		},
		onBlocked: () => {
			storageStatus.blocked = true;
		}
	}).then(
		(db) => {
			storageStatus.blocked = false;
			return db;
		},
		(error: unknown) => {
			const problem = toStorageError(error);
			storageStatus.unavailable = problem;
			opening = undefined;
			throw problem;
		}
	);
	return opening;
}

/** Closes the connection (the next call to `database` opens a new one). For tests. */
export async function closeDatabase(): Promise<void> {
	const open = opening;
	opening = undefined;
	if (open) (await open.catch(() => null))?.close();
}

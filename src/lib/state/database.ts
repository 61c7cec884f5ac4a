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

const CHANNEL = 'cto-prep';

/** Tells the app's other tabs that stored progress changed, so they can refresh what they show. */
export function announceChange(): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(CHANNEL);
	channel.postMessage({ type: 'changed' });
	channel.close();
}

/** Calls `refresh` when another tab changed stored progress; returns a function that stops it. */
export function onChangeElsewhere(refresh: () => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => undefined;
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = () => refresh();
	return () => channel.close();
}

import type { IDBPTransaction, StoreNames } from 'idb';
import type { StudyDB } from './db';
import { toStorageError } from './errors';

/**
 * Runs `work` inside a read-write transaction and resolves once the transaction has committed.
 * Any failure aborts the transaction, so nothing of it is stored. IndexedDB failures are thrown as
 * StorageErrors; other errors of `work` (such as an UndoError) are thrown as they are.
 */
export async function inTransaction<Names extends StoreNames<StudyDB>[], T>(
	tx: IDBPTransaction<StudyDB, Names, 'readwrite'>,
	work: () => Promise<T>
): Promise<T> {
	const done = tx.done;
	// The failure is thrown below; this only keeps the browser from calling it unhandled.
	done.catch(() => undefined);
	try {
		const result = await work();
		await done;
		return result;
	} catch (error) {
		try {
			tx.abort();
		} catch {
			// Already finished or aborted.
		}
		// IndexedDB fails with DOMExceptions; anything else is the caller's own error.
		throw error instanceof DOMException ? toStorageError(error) : error;
	}
}

/**
 * Starts a write whose failure the transaction reports (it aborts); its own rejection is handled so
 * that it is not reported twice.
 */
export function write(request: Promise<unknown>): void {
	request.catch(() => undefined);
}

import type { StudyDatabase } from '$lib/storage/db';
import type { LiveItems } from '$lib/storage/retire';
import type { SyncAccount } from '$lib/storage/sync-account';
import { localDatabase, remoteDatabase, signIn, syncError } from './connect';
import { syncOnce, type SyncReport } from './engine';

// What the app's sync state loads on demand: everything that needs PouchDB.

export type { SyncReport } from './engine';

/**
 * Signs in to the build's sync server and works out the passphrase's keys.
 * @throws AppError saying what is wrong (username or password, passphrase, server)
 */
export async function signInTo(
	origin: string,
	username: string,
	password: string,
	passphrase: string,
	now: number
): Promise<SyncAccount> {
	const remote = remoteDatabase({ origin, username, password });
	try {
		const keys = await signIn(remote, passphrase);
		return { origin, username, password, keys, since: now };
	} catch (error) {
		throw syncError(error);
	} finally {
		await remote.close().catch(() => undefined);
	}
}

/**
 * Runs sync once with the account's server.
 * @throws AppError saying what went wrong; what was stored before stays
 */
export async function runSync(
	db: StudyDatabase,
	account: SyncAccount,
	live: LiveItems
): Promise<SyncReport> {
	const local = localDatabase(account);
	const remote = remoteDatabase(account);
	try {
		return await syncOnce(db, { local, remote }, account.keys, live);
	} catch (error) {
		throw syncError(error);
	} finally {
		await Promise.all([local.close(), remote.close()].map((done) => done.catch(() => undefined)));
	}
}

/** Deletes this device's copy of the sync documents (when it stops syncing). */
export async function forgetLocalDocuments(account: SyncAccount): Promise<void> {
	await localDatabase(account).destroy();
}

import type { SyncAccount } from '$lib/storage/sync-account';
import type { LiveItems } from '$lib/storage/retire';
import type { SyncReport } from '$lib/sync/engine';
import type { SyncAsk } from './sync.worker';
import { workerAsker } from './worker-asks';

/** What sync asks of the code that talks to the server (in a worker; in tests, in Node). */
export interface SyncRunner {
	/** Signs in and derives the passphrase's keys; stores nothing. */
	signInTo(
		origin: string,
		username: string,
		password: string,
		passphrase: string,
		now: number
	): Promise<SyncAccount>;
	/** Runs sync once with the account's server. */
	runSync(account: SyncAccount, live: LiveItems): Promise<SyncReport>;
	/** Deletes this device's sealed copies (when it stops syncing). */
	forgetLocalDocuments(account: SyncAccount): Promise<void>;
}

/**
 * Sync in its own worker, started on the first ask and kept. A worker that cannot start (offline
 * before it was ever loaded) is said in words.
 */
export function inSyncWorker(): SyncRunner {
	const ask = workerAsker<SyncAsk>(
		() => new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' }),
		'Sync could not be loaded. It loads when you are online; your data is kept on this device meanwhile.'
	);
	return {
		signInTo: async (origin, username, password, passphrase, now) =>
			(await ask({ signIn: { origin, username, password, passphrase, now } })) as SyncAccount,
		runSync: async (account, live) => (await ask({ run: { account, live } })) as SyncReport,
		forgetLocalDocuments: async (account) => {
			await ask({ forget: account });
		}
	};
}

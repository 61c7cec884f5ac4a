import { AppError } from '$lib/errors';
import type { SyncAccount } from '$lib/storage/sync-account';
import type { LiveItems } from '$lib/storage/retire';
import type { SyncReport } from '$lib/sync/engine';
import type { SyncAsk, SyncResponse } from './sync.worker';

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
	let worker: Worker | null = null;
	let next = 0;
	const waiting = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();
	const failAll = (message: string) => {
		for (const { reject } of waiting.values()) reject(new AppError(message));
		waiting.clear();
		worker?.terminate();
		worker = null;
	};
	const ask = (request: SyncAsk) =>
		new Promise<unknown>((resolve, reject) => {
			if (!worker) {
				worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' });
				worker.onmessage = ({ data }: MessageEvent<SyncResponse>) => {
					const asked = waiting.get(data.id);
					waiting.delete(data.id);
					if ('problem' in data) asked?.reject(new AppError(data.problem));
					else asked?.resolve(data.value);
				};
				worker.onerror = (event) => {
					event.preventDefault();
					failAll(
						'Sync could not be loaded. It loads when you are online; your data is kept on this device meanwhile.'
					);
				};
			}
			const id = ++next;
			waiting.set(id, { resolve, reject });
			worker.postMessage({ ...request, id });
		});
	return {
		signInTo: async (origin, username, password, passphrase, now) =>
			(await ask({ signIn: { origin, username, password, passphrase, now } })) as SyncAccount,
		runSync: async (account, live) => (await ask({ run: { account, live } })) as SyncReport,
		forgetLocalDocuments: async (account) => {
			await ask({ forget: account });
		}
	};
}

/// <reference lib="webworker" />
// Sync runs here, off the main thread, so that sealing, opening and storing thousands of
// documents never slows studying: PouchDB, the engine and the key derivation load in this worker,
// which the service worker does not precache (no page's first load or install carries them).
import { errorMessage } from '$lib/errors';
import { openStudyDB, type StudyDatabase } from '$lib/storage/db';
import type { LiveItems } from '$lib/storage/retire';
import type { SyncAccount } from '$lib/storage/sync-account';
import { forgetLocalDocuments, runSync, signInTo } from '$lib/sync/runner';

/** What the page asks of sync. */
export type SyncAsk =
	| {
			signIn: {
				origin: string;
				username: string;
				password: string;
				passphrase: string;
				now: number;
			};
	  }
	| { run: { account: SyncAccount; live: LiveItems } }
	| { forget: SyncAccount };

/** An ask, numbered so its answer finds it. */
export type SyncRequest = SyncAsk & { id: number };

/** What the worker answers: the value asked for, or why it could not, in words. */
export type SyncResponse = { id: number; value: unknown } | { id: number; problem: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

let opened: Promise<StudyDatabase> | undefined;

/** The study database, opened once; let go when another tab upgrades it. */
function database(): Promise<StudyDatabase> {
	opened ??= openStudyDB(undefined, { onOutdated: () => (opened = undefined) }).catch(
		(error: unknown) => {
			opened = undefined;
			throw error;
		}
	);
	return opened;
}

async function answer(request: SyncRequest): Promise<unknown> {
	if ('signIn' in request) {
		const { origin, username, password, passphrase, now } = request.signIn;
		return signInTo(origin, username, password, passphrase, now);
	}
	if ('run' in request) return runSync(await database(), request.run.account, request.run.live);
	await forgetLocalDocuments(request.forget);
	return null;
}

scope.onmessage = async (event: MessageEvent<SyncRequest>) => {
	const request = event.data;
	try {
		scope.postMessage({ id: request.id, value: await answer(request) } satisfies SyncResponse);
	} catch (error) {
		scope.postMessage({ id: request.id, problem: errorMessage(error) } satisfies SyncResponse);
	}
};

import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import indexeddb from 'pouchdb-adapter-indexeddb';
import replication from 'pouchdb-replication';
import { AppError } from '$lib/errors';
import type { SyncAccount } from '$lib/storage/sync-account';
import type { SyncKeys } from './crypto';
import { SyncDocError, SyncError } from './errors';

export { SyncError } from './errors';
import { createKeycheck, KEYCHECK_ID, unlock } from './keycheck';
import type { SyncDatabase, SyncDatabaseClass } from './pouch';

// Where sync meets the network: the learner's database on the server, the local PouchDB, and
// signing in. Loaded only when sync is on (it carries PouchDB), never on a page's first load.

/** PouchDB with what sync uses: IndexedDB here, HTTP to the server, replication. */
export const Pouch = (PouchDB as SyncDatabaseClass)
	.plugin(indexeddb)
	.plugin(http)
	.plugin(replication);

/** The local PouchDB's name: one per account, so that signing in elsewhere starts afresh. */
export function localName(account: Pick<SyncAccount, 'origin' | 'username'>): string {
	return `cto-prep-sync-${hex(`${account.origin} ${account.username}`)}`;
}

/** The sync documents on this device (the outbox and inbox, as sealed as on the server). */
export function localDatabase(account: Pick<SyncAccount, 'origin' | 'username'>): SyncDatabase {
	return new Pouch(localName(account), { adapter: 'indexeddb' });
}

/**
 * The learner's own database on the server: CouchDB's `couch_peruser` names it `userdb-` and the
 * username in hexadecimal. Every request carries the username and password (HTTP Basic, so no
 * cookie is needed across origins) and nothing else.
 */
export function remoteDatabase(
	account: Pick<SyncAccount, 'origin' | 'username' | 'password'>,
	/** What sends the requests (the global fetch when not given; a benchmark counts the bytes). */
	fetch?: typeof globalThis.fetch
): SyncDatabase {
	return new Pouch(`${account.origin}/userdb-${hex(account.username)}`, {
		skip_setup: true,
		auth: { username: account.username, password: account.password },
		fetch: (url: string, options: RequestInit) =>
			(fetch ?? globalThis.fetch)(url, { ...options, credentials: 'omit' })
	});
}

/**
 * Signs in: checks the username and password with the server, then the passphrase with the
 * account's keycheck (the first device to sign in creates it). Nothing is stored here.
 * @returns the passphrase's keys
 * @throws WrongPassphraseError, SyncError (the server's answer in words), SyncDocError
 */
export async function signIn(
	remote: SyncDatabase,
	passphrase: string,
	iterations?: number
): Promise<SyncKeys> {
	let keycheck: unknown;
	try {
		keycheck = await remote.get(KEYCHECK_ID);
	} catch (error) {
		if (statusOf(error) !== 404 || /no_db_file|Database does not exist/i.test(reasonOf(error))) {
			throw syncError(error);
		}
		const { doc, keys } = await createKeycheck(passphrase, iterations);
		try {
			await remote.put(doc);
		} catch (putError) {
			// Another device set the account up at the same moment: its passphrase is the account's.
			if (statusOf(putError) === 409) return unlock(passphrase, await remote.get(KEYCHECK_ID));
			throw syncError(putError);
		}
		return keys;
	}
	return unlock(passphrase, keycheck);
}

/** What went wrong with the server, in words (an AppError of sync passes as it is). */
export function syncError(error: unknown): AppError {
	if (error instanceof AppError) return error;
	const status = statusOf(error);
	if (status === 401) {
		return new SyncError(
			'The sync server did not accept that username and password. Check them, or ask whoever runs the server.',
			{ cause: error }
		);
	}
	if (status === 403) {
		return new SyncError(
			'The sync server does not let this account use its database. Ask whoever runs the server.',
			{ cause: error }
		);
	}
	if (status === 404) {
		return new SyncError(
			'The sync server has no database for this account yet. Ask whoever runs the server to turn on one database per user (couch_peruser).',
			{ cause: error }
		);
	}
	if (status === 413) {
		return new SyncError('The sync server refused a document as too large.', { cause: error });
	}
	if (unreadable(error) || (status !== undefined && status >= 500)) {
		return new SyncError(
			'The sync server sent a reply the app cannot read, so nothing more was synced. What was synced before is kept; it will try again later.',
			{ cause: error }
		);
	}
	if (error instanceof SyncDocError) return error;
	return new SyncError(
		'The sync server could not be reached: check that this device is online, or try again later (it may be down). Everything stays on this device meanwhile.',
		{ cause: error }
	);
}

/**
 * A reply that is not JSON. PouchDB's replicator passes the parser's error on as a copy of its
 * fields, no longer a SyntaxError: its message says what it was.
 */
function unreadable(error: unknown): boolean {
	if (error instanceof SyntaxError) return true;
	const message = (error as { message?: unknown } | null)?.message;
	return typeof message === 'string' && /JSON|Unexpected (token|end)/.test(message);
}

function statusOf(error: unknown): number | undefined {
	const status = (error as { status?: unknown } | null)?.status;
	return typeof status === 'number' ? status : undefined;
}

function reasonOf(error: unknown): string {
	const reason = (error as { reason?: unknown } | null)?.reason;
	return typeof reason === 'string' ? reason : '';
}

/** A text in hexadecimal of its UTF-8 bytes, as CouchDB names users' databases. */
export function hex(text: string): string {
	return [...new TextEncoder().encode(text)]
		.map((byte) => byte.toString(16).padStart(2, '0'))
		.join('');
}

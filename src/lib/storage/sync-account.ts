import type { StudyDatabase } from './db';
import { toStorageError } from './errors';
import { SYNC_ACCOUNT } from './removals';
import { loadSyncProgress, NOTHING_SENT, SYNC_PROGRESS } from './sync-records';
import { inTransaction, write } from './transaction';

/**
 * The sync account this device is signed in to. It stays on this device: the password is what
 * the server asks of every request, and the keys are the passphrase's, derived here and kept
 * unextractable (the passphrase itself is never stored).
 */
export interface SyncAccount {
	/** The sync server's origin, as the build named it. */
	origin: string;
	username: string;
	password: string;
	/** The keys derived from the passphrase (CryptoKeys, which IndexedDB keeps as they are). */
	keys: { body: CryptoKey; id: CryptoKey };
	/** When this device signed in, epoch ms. */
	since: number;
}

/** How the last sync runs went, for Settings (kept so that a reload still shows it). */
export interface SyncLog {
	/** When a run last finished, epoch ms; null before the first. */
	lastSyncedAt: number | null;
	/** Why the last run failed, in words; null when it did not. */
	lastError: string | null;
	/** Documents from the server refused in the last run that refused any, and when. */
	refused: { count: number; at: number; reasons: string[] } | null;
	/**
	 * Edits made here that were not sent in the last run that passed any over (an own deck too
	 * large to sync), and when; absent in logs kept before edits could be passed over.
	 */
	notSent?: { at: number; reasons: string[] } | null;
}

/** The settings record of the sync log. */
export const SYNC_LOG = 'meta:syncLog';

/** The log before any run. */
export const NO_SYNC_LOG: SyncLog = { lastSyncedAt: null, lastError: null, refused: null };

/** The account this device syncs with, or null when it does not. */
export async function loadSyncAccount(db: StudyDatabase): Promise<SyncAccount | null> {
	try {
		const record = await db.get('settings', SYNC_ACCOUNT);
		return (record?.value as SyncAccount | undefined) ?? null;
	} catch (error) {
		throw toStorageError(error);
	}
}

/** Signs this device in: from now on what it removes is noted for the others. */
export async function saveSyncAccount(db: StudyDatabase, account: SyncAccount): Promise<void> {
	try {
		await db.put('settings', { key: SYNC_ACCOUNT, value: account });
	} catch (error) {
		throw toStorageError(error);
	}
}

/**
 * Signs this device out, in one transaction: the account, where sync got to, its log and the
 * removals not sent are forgotten. What this device stores of the learner stays as it is.
 */
export async function forgetSyncAccount(db: StudyDatabase): Promise<void> {
	const tx = db.transaction(['settings', 'removals'], 'readwrite');
	await inTransaction(tx, async () => {
		const settings = tx.objectStore('settings');
		for (const key of [SYNC_ACCOUNT, SYNC_PROGRESS, SYNC_LOG]) write(settings.delete(key));
		write(tx.objectStore('removals').clear());
	});
}

/** How the last sync runs went. */
export async function loadSyncLog(db: StudyDatabase): Promise<SyncLog> {
	try {
		const record = await db.get('settings', SYNC_LOG);
		return (record?.value as SyncLog | undefined) ?? NO_SYNC_LOG;
	} catch (error) {
		throw toStorageError(error);
	}
}

/** Keeps how the last sync run went. */
export async function saveSyncLog(db: StudyDatabase, log: SyncLog): Promise<void> {
	try {
		await db.put('settings', { key: SYNC_LOG, value: log });
	} catch (error) {
		throw toStorageError(error);
	}
}

/** How many records wait to be sent: history stored after what was sent, and removals. */
export async function waitingToSend(db: StudyDatabase): Promise<number> {
	// Sealed on this device is not sent: what the server is known to have counts.
	const sent = (await loadSyncProgress(db)).confirmed ?? NOTHING_SENT;
	try {
		const tx = db.transaction(['reviews', 'quizAttempts', 'interviewAnswers', 'removals']);
		const counts = await Promise.all([
			tx.objectStore('reviews').count(IDBKeyRange.lowerBound(sent.reviews, true)),
			tx.objectStore('quizAttempts').count(IDBKeyRange.lowerBound(sent.quizAttempts, true)),
			tx.objectStore('interviewAnswers').count(IDBKeyRange.lowerBound(sent.interviewAnswers, true)),
			tx.objectStore('removals').count()
		]);
		return counts.reduce((sum, count) => sum + count, 0);
	} catch (error) {
		throw toStorageError(error);
	}
}

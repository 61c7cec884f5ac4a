import { errorMessage } from '$lib/errors';
import type { StudyDatabase } from '$lib/storage/db';
import { liveItems } from '$lib/storage/retire';
import {
	forgetSyncAccount,
	loadSyncAccount,
	loadSyncLog,
	saveSyncAccount,
	saveSyncLog,
	waitingToSend,
	NO_SYNC_LOG,
	type SyncLog
} from '$lib/storage/sync-account';
import { SYNC_ORIGIN } from '$lib/sync/config';
import { app } from './app.svelte';
import type { SyncRunner } from './sync-worker-client';

/** How often sync runs while the app is open, online and in view. */
export const SYNC_EVERY_MS = 5 * 60_000;

/** The shortest passphrase accepted: it is all that stands between the server and the data. */
export const MIN_PASSPHRASE = 10;

export type { SyncRunner };

/**
 * Sync across devices, for Settings and for the app: whether it is on, how it went, what waits to
 * be sent, and the runs themselves (when online and in view, every few minutes and on "Sync now",
 * one at a time across tabs). The code that talks to the server loads only once sync is on.
 */
class Sync {
	/** The sync server's origin, when this build offers sync (its host named a server). */
	origin = $state<string | null>(SYNC_ORIGIN);
	/** The account's username, or null while this device does not sync. */
	username = $state<string | null>(null);
	/** A run is under way. */
	running = $state(false);
	/** How the last runs went. */
	log = $state.raw<SyncLog>(NO_SYNC_LOG);
	/** How many records wait to be sent (null until counted). */
	waiting = $state<number | null>(null);
	/** Signing in is under way. */
	signingIn = $state(false);
	/** Why signing in or stopping failed, in words. */
	problem = $state<string | null>(null);

	// One worker for the page's life: it keeps PouchDB loaded and its own database connection.
	#runner: Promise<SyncRunner> | undefined;
	#loadRunner: () => Promise<SyncRunner> = () =>
		(this.#runner ??= import('./sync-worker-client').then(({ inSyncWorker }) => inSyncWorker()));
	#started: Promise<void> | undefined;
	#timer: ReturnType<typeof setInterval> | undefined;
	#run: Promise<void> | undefined;
	#stopWatching: (() => void) | undefined;

	/** Reads whether this device syncs, and if it does, starts syncing. Once per page load. */
	start(): Promise<void> {
		this.#started ??= this.#start().catch((error: unknown) => {
			this.#started = undefined;
			this.problem = errorMessage(error);
		});
		return this.#started;
	}

	async #start(): Promise<void> {
		if (!this.origin) return;
		const db = await app.ready();
		const [account, log] = await Promise.all([loadSyncAccount(db), loadSyncLog(db)]);
		this.log = log;
		if (!account) return;
		this.username = account.username;
		await this.#countWaiting(db);
		this.#schedule();
		if (typeof navigator === 'undefined' || navigator.onLine) void this.syncNow();
	}

	/**
	 * Signs this device in to the build's server and syncs. The passphrase encrypts everything
	 * sent; it never leaves the device, and every device of the account needs the same one.
	 */
	async signIn(username: string, password: string, passphrase: string): Promise<boolean> {
		if (!this.origin || this.signingIn) return false;
		this.problem = null;
		const name = username.trim();
		if (!name || !password) {
			this.problem = 'Enter the username and password of your sync account.';
			return false;
		}
		if (passphrase.length < MIN_PASSPHRASE) {
			this.problem = `Choose a sync passphrase of at least ${MIN_PASSPHRASE} characters: it is what keeps your data private on the server.`;
			return false;
		}
		this.signingIn = true;
		try {
			const runner = await this.#loadRunner();
			const account = await runner.signInTo(this.origin, name, password, passphrase, Date.now());
			const db = await app.ready();
			await saveSyncAccount(db, account);
			this.username = account.username;
			this.#schedule();
			void this.syncNow();
			return true;
		} catch (error) {
			this.problem = errorMessage(error);
			return false;
		} finally {
			this.signingIn = false;
		}
	}

	/** Runs sync now (or waits for the run under way); its outcome goes into `log`. */
	syncNow(): Promise<void> {
		this.#run ??= this.#exclusive(() => this.#syncOnce()).finally(() => (this.#run = undefined));
		return this.#run;
	}

	async #syncOnce(): Promise<void> {
		const db = await app.ready();
		const account = await loadSyncAccount(db);
		if (!account) return;
		this.running = true;
		const now = Date.now();
		try {
			const runner = await this.#loadRunner();
			const report = await runner.runSync(account, liveItems(app.decks));
			this.log = {
				lastSyncedAt: Date.now(),
				lastError: null,
				refused:
					report.refused.length > 0
						? { count: report.refused.length, at: now, reasons: unique(report.refused) }
						: this.log.refused,
				notSent:
					report.notSent.length > 0
						? { at: now, reasons: unique(report.notSent) }
						: (this.log.notSent ?? null)
			};
			// An own deck from another device: the decks are read again, here and in other tabs.
			if (report.decksReceived) await app.reloadDecks();
			if (report.editsReceived > 0) await app.settingsChanged();
			else if (report.received > 0 || report.removed > 0) app.changed();
		} catch (error) {
			this.log = { ...this.log, lastError: errorMessage(error) };
		} finally {
			this.running = false;
		}
		await saveSyncLog(db, this.log).catch(() => undefined);
		await this.#countWaiting(db);
	}

	/** One run at a time across this device's tabs (Web Locks, where the browser has them). */
	#exclusive(work: () => Promise<void>): Promise<void> {
		const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
		return locks ? locks.request('cto-prep-sync', work) : work();
	}

	/**
	 * Stops syncing and forgets the server on this device: the account, the passphrase's keys and
	 * the sealed copies go; everything the device stores of the learner stays.
	 */
	async stop(): Promise<void> {
		this.problem = null;
		this.#unschedule();
		try {
			// What waits to be sent (an undo, a reset) goes first, when the server can be reached:
			// forgotten unsent, the other devices would keep what this one removed.
			if (typeof navigator === 'undefined' || navigator.onLine) await this.syncNow();
			// Under the lock every tab's runs take: no run of another tab writes its progress back
			// after it is forgotten, or uses the sealed copies being deleted.
			await this.#exclusive(async () => {
				const db = await app.ready();
				const account = await loadSyncAccount(db);
				await forgetSyncAccount(db);
				this.username = null;
				this.log = NO_SYNC_LOG;
				this.waiting = null;
				if (account) {
					const runner = await this.#loadRunner();
					await runner.forgetLocalDocuments(account);
				}
			});
		} catch (error) {
			this.problem = errorMessage(error);
		}
	}

	async #countWaiting(db: StudyDatabase): Promise<void> {
		try {
			this.waiting = await waitingToSend(db);
		} catch {
			this.waiting = null;
		}
	}

	/** Runs every few minutes while the page is in view and online, and as soon as it is again. */
	#schedule(): void {
		if (this.#timer || typeof window === 'undefined') return;
		const due = () => {
			if (document.visibilityState === 'visible' && navigator.onLine) void this.syncNow();
		};
		this.#timer = setInterval(due, SYNC_EVERY_MS);
		window.addEventListener('online', due);
		document.addEventListener('visibilitychange', due);
		const stopChanges = app.onChange(() => {
			void app.ready().then((db) => this.#countWaiting(db));
		});
		this.#stopWatching = () => {
			window.removeEventListener('online', due);
			document.removeEventListener('visibilitychange', due);
			stopChanges();
		};
	}

	#unschedule(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
		this.#stopWatching?.();
		this.#stopWatching = undefined;
	}

	/** Whether this build offers sync at all. */
	get offered(): boolean {
		return this.origin !== null;
	}

	/** For tests: a server, the runner to use instead of loading the real one, a fresh start. */
	useRunnerForTests(origin: string, load: () => Promise<SyncRunner>): void {
		this.#unschedule();
		this.origin = origin;
		this.#loadRunner = load;
		this.#started = undefined;
		this.#run = undefined;
		this.username = null;
		this.log = NO_SYNC_LOG;
		this.waiting = null;
		this.problem = null;
	}
}

function unique(reasons: readonly string[]): string[] {
	return [...new Set(reasons)].slice(0, 5);
}

/** The app's sync. */
export const sync = new Sync();

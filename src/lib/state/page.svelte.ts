import { untrack } from 'svelte';
import { errorMessage } from '$lib/errors';
import type { StudyDatabase } from '$lib/storage/db';
import { app } from './app.svelte';
import { forgetSession, keepSession, type SessionKind } from './kept-sessions';
import { sessionGuard } from './session-guard.svelte';

/**
 * What every page model does the same way: load its data once the page is shown, load it again
 * when stored progress changes (here or in another tab), report any failure as a message a person
 * can act on, and stop when the page goes.
 */
export abstract class PageModel {
	/** True until the first load has finished (well or not). */
	loading = $state(true);
	/** What went wrong last, in words a person can act on; null when nothing did. */
	error = $state<string | null>(null);

	#mounted = false;
	#latest: Promise<void> = Promise.resolve();

	/** Whether the page is still shown (a late result of a left page is dropped). */
	protected get mounted(): boolean {
		return this.#mounted;
	}

	/** Reads what the page shows. */
	protected abstract load(db: StudyDatabase): Promise<void>;

	/** Whether a reload would disturb the learner now (a session is running). */
	protected busy(): boolean {
		return false;
	}

	/** Starts the model with its page; returns what stops it. */
	mount(): () => void {
		this.#mounted = true;
		void this.refresh();
		const stop = app.onChange(() => {
			if (!this.busy()) void this.refresh();
		});
		return () => {
			this.#mounted = false;
			stop();
			this.dispose();
		};
	}

	/** Reads the page's data again. */
	refresh(): Promise<void> {
		const run = this.#refresh();
		this.#latest = run;
		return run;
	}

	/**
	 * The latest read of the page's data, to wait for: after `app.changed()`, which starts one for
	 * every page shown, a page waits for its own rather than start a second.
	 */
	protected get refreshing(): Promise<void> {
		return this.#latest;
	}

	async #refresh(): Promise<void> {
		let loaded = false;
		try {
			const db = await app.ready();
			await this.load(db);
			if (this.loading) await this.firstLoaded(db);
			this.error = null;
			loaded = true;
		} catch (error) {
			this.error = errorMessage(error);
		} finally {
			this.loading = false;
		}
		if (loaded) await this.loaded();
	}

	/** What to do once the page's data is first in, before the page counts as loaded. */
	protected async firstLoaded(_db: StudyDatabase): Promise<void> {}

	/** What to do once the page's data is in (a start asked for early, say). */
	protected async loaded(): Promise<void> {}

	/**
	 * Runs a step that may fail (a write, a start), with the one error path: a failure becomes
	 * `error`, prefixed with what did not happen, and never escapes.
	 * @returns whether it worked
	 */
	protected async attempt(work: () => Promise<void>, failed = ''): Promise<boolean> {
		try {
			await work();
			return true;
		} catch (error) {
			this.error = `${failed}${errorMessage(error)}`;
			return false;
		}
	}

	/** Lets go of whatever the model holds (timers, sessions) when its page goes. */
	protected dispose(): void {}
}

/** How often a session whose clock runs is kept while on screen, in ms (see `clockRuns`). */
const TICK_KEEP_MS = 2000;

/** A session a page runs (a study session, a quiz, an interview). */
export interface Session {
	/** Whether the session still asks questions; an app update waits until it does not. */
	readonly running: boolean;
	/** Lets go of timers and such. */
	dispose?: () => void;
	/** What is kept of it after every step, to resume it after leaving (see kept-sessions.ts). */
	readonly snapshot?: unknown;
	/** Called after every step that changes the snapshot. */
	onStep?: () => void;
}

/**
 * A page that runs sessions: at most one at a time, started once (a second tap is ignored), app
 * updates held back while it runs, and a start asked for before the page could act on it (its
 * code still loading) kept until it can, and forgotten when the page is left. The session is kept
 * after every step and resumed when the page is shown again (after a link, another page or a
 * reload), until it is closed or another one starts.
 */
export abstract class SessionPage<S extends Session, Request> extends PageModel {
	session = $state<S | null>(null);
	/** A start asked for while the page was not ready for it. */
	request = $state.raw<Request | null>(null);
	/** True while a session is being put together. */
	starting = $state(false);
	/** The write keeping the session as it is now (see `keeping`). */
	#keeping: Promise<void> = Promise.resolve();

	/** The kind of session this page keeps and resumes. */
	protected abstract readonly kind: SessionKind;

	/** The kept session put back together, or null when there is none (or it cannot be resumed). */
	protected abstract resume(db: StudyDatabase): Promise<S | null>;

	protected override busy(): boolean {
		return this.session !== null;
	}

	/**
	 * Whether a clock runs on the session's screen (an interview answer's): then it is kept every
	 * `TICK_KEEP_MS` too, since the write on leaving may not land before a reload or a closed tab
	 * ends the page, and the clock would go back to the last step kept.
	 */
	protected clockRuns(_session: S): boolean {
		return false;
	}

	/**
	 * The page is hidden or ended while the session is on screen (a phone switching apps, a
	 * reload, a closed tab): what cannot wait for the learner's return is done now.
	 */
	protected hidden(_session: S): void {}

	/** Puts a session together (reads fresh data first: another tab may have changed it). */
	protected abstract create(db: StudyDatabase, request: Request): Promise<S | null>;

	/** Starts a session, unless one is running or starting. */
	async start(request: Request): Promise<void> {
		if (this.starting || this.session) return;
		this.starting = true;
		await this.attempt(async () => {
			const created = await this.create(await app.ready(), request);
			if (!created) return;
			if (!this.mounted) created.dispose?.();
			else this.#show(created);
		});
		this.starting = false;
	}

	/**
	 * Resumes a kept session as part of the first load, so that a start tapped meanwhile waits as
	 * an early start (and is dropped if a session was resumed). A kept session that cannot be read
	 * is not resumed, and the page still loads.
	 */
	protected override async firstLoaded(db: StudyDatabase): Promise<void> {
		await this.attempt(async () => {
			const kept = await this.resume(db);
			if (kept && this.mounted && !this.session) this.#show(kept);
			else kept?.dispose?.();
		});
	}

	/** Takes a start asked for early, once the page has loaded. */
	protected override async loaded(): Promise<void> {
		const early = this.request;
		this.request = null;
		if (early !== null && this.mounted) await this.start(early);
	}

	override mount(): () => void {
		const stop = super.mount();
		// App updates wait while a session runs (one that is over no longer holds them).
		const stopHolding = $effect.root(() => {
			$effect(() => {
				if (this.session?.running) return untrack(() => sessionGuard.begin());
			});
		});
		// Kept once more when the page is left or hidden (another page, a phone switching apps, a
		// reload, a closed tab): a session's clock stands still from then, not from its last step.
		const keepNow = () => this.session?.onStep?.();
		const away = () => {
			if (this.session) this.hidden(this.session);
			keepNow();
		};
		const hidden = () => {
			if (document.visibilityState === 'hidden') away();
		};
		const browser = typeof document !== 'undefined';
		if (browser) {
			document.addEventListener('visibilitychange', hidden);
			addEventListener('pagehide', away);
		}
		const ticks = setInterval(() => {
			const session = this.session;
			if (session && this.clockRuns(session) && !(browser && document.hidden)) keepNow();
		}, TICK_KEEP_MS);
		return () => {
			clearInterval(ticks);
			keepNow();
			if (browser) {
				document.removeEventListener('visibilitychange', hidden);
				removeEventListener('pagehide', away);
			}
			stopHolding();
			stop();
		};
	}

	/**
	 * Puts a session on screen, kept now and after every step. Steps that come while one is being
	 * written (an answer typed key by key) are kept in one write after it, of the newest state.
	 */
	#show(session: S): void {
		this.session = session;
		const kind = this.kind;
		const resets = app.resets;
		let writing = false;
		let again = false;
		const write = async () => {
			writing = true;
			try {
				do {
					again = false;
					// Kept until closed, even after the page was left: an answer saved on the way out counts.
					if (session.onStep !== keep) break;
					// A plain copy: what the page holds may be reactive proxies.
					const snapshot = $state.snapshot(session.snapshot);
					if (snapshot === undefined) break;
					const db = await app.ready();
					// The device was reset meanwhile (tests do between cases): the session is gone with it.
					if (app.resets !== resets) break;
					await keepSession(db, kind, snapshot);
				} while (again);
			} finally {
				writing = false;
			}
		};
		const keep = () => {
			if (writing) again = true;
			else this.#keeping = write();
		};
		session.onStep = keep;
		keep();
	}

	/** Settles once the session on screen (or the one just left) is kept as it is now. */
	get keeping(): Promise<void> {
		return this.#keeping;
	}

	/** Ends the session on screen (it is no longer kept) and shows the page again, reloaded. */
	close(): void {
		if (this.session) this.session.onStep = undefined;
		this.session?.dispose?.();
		this.session = null;
		const kind = this.kind;
		void app.ready().then((db) => forgetSession(db, kind));
		void this.refresh();
	}

	protected override dispose(): void {
		this.session?.dispose?.();
		this.session = null;
		this.request = null;
	}
}

import { untrack } from 'svelte';

/**
 * Knows whether the user is in the middle of a study, quiz or interview session, so that an app
 * update is never applied (and the page never reloaded) while they are answering.
 */
class SessionGuard {
	#active = $state(0);

	/** True while at least one session is running. */
	get active(): boolean {
		return this.#active > 0;
	}

	/** Marks a session as started; call the returned function when it ends. */
	begin(): () => void {
		this.#active += 1;
		let ended = false;
		return () => {
			if (!ended) {
				ended = true;
				this.#active -= 1;
			}
		};
	}

	/**
	 * Holds updates back for as long as `running()` is true, and no longer than the component that
	 * calls it (call it while the component initialises).
	 */
	holdWhile(running: () => boolean): void {
		$effect(() => {
			// begin() reads the count it changes: untracked, or the effect would restart itself.
			if (running()) return untrack(() => this.begin());
		});
	}
}

export const sessionGuard = new SessionGuard();

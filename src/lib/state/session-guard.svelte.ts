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
}

export const sessionGuard = new SessionGuard();

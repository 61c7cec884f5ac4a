/**
 * Lets the browser handle input and paint before the caller goes on: long work (storing the decks
 * on a first visit, counting every deck) is done in slices between these, so that no task blocks a
 * tap for long. `scheduler.yield` keeps the caller ahead of other queued tasks where it exists.
 */
export function yieldToMain(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

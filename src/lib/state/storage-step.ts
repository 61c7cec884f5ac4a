import { errorMessage } from '$lib/errors';
import { app } from './app.svelte';

/** A page model that runs its writes one at a time and shows why the last one failed. */
export interface StorageSteps {
	busy: boolean;
	error: string | null;
}

/**
 * Runs one change to storage for `model`: busy meanwhile, then every page is told that progress
 * changed; a failure is shown in `model.error` (its cause logged) and changes nothing.
 */
export async function storageStep(model: StorageSteps, change: () => Promise<void>): Promise<void> {
	model.busy = true;
	try {
		await change();
		model.error = null;
		app.changed();
	} catch (error) {
		model.error = errorMessage(error);
	} finally {
		model.busy = false;
	}
}

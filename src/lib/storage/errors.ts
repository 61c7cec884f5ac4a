import { AppError } from '$lib/errors';

/** Why storage failed, in terms a person can act on. */
export type StorageProblem =
	'quota' | 'unavailable' | 'blocked' | 'outdated' | 'closed' | 'unknown';

const MESSAGES: Record<StorageProblem, string> = {
	quota:
		'Your device is out of storage space, so this was not saved. Nothing already saved was changed. Free some space and try again.',
	unavailable:
		'This browser does not let the app store data (private browsing can do that). You can study, but progress will not be kept.',
	blocked:
		'The app was updated in another tab. Close the other tabs of CTO Prep, then reload this one.',
	outdated:
		'A newer version of the app is open in another tab and has upgraded your saved data. Reload this tab to continue.',
	closed: 'The connection to saved data was closed. Reload the page to continue.',
	unknown: 'Saving failed. Nothing already saved was changed. Try again.'
};

/** A storage failure with a clear message; nothing already stored was changed by it. */
export class StorageError extends AppError {
	readonly problem: StorageProblem;

	constructor(problem: StorageProblem, options?: { cause?: unknown }) {
		super(MESSAGES[problem], options);
		this.name = 'StorageError';
		this.problem = problem;
	}
}

/** Classifies any error thrown by IndexedDB as a StorageError (StorageErrors pass through). */
export function toStorageError(error: unknown): StorageError {
	if (error instanceof StorageError) return error;
	const name = error instanceof DOMException || error instanceof Error ? error.name : '';
	if (name === 'QuotaExceededError') return new StorageError('quota', { cause: error });
	if (name === 'InvalidStateError' || name === 'TransactionInactiveError') {
		return new StorageError('closed', { cause: error });
	}
	if (name === 'VersionError') return new StorageError('outdated', { cause: error });
	if (name === 'SecurityError' || name === 'UnknownError' || name === 'NotFoundError') {
		return new StorageError('unavailable', { cause: error });
	}
	return new StorageError('unknown', { cause: error });
}

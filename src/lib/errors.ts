/**
 * An error whose message is written for the learner: it says what happened and what to do. Every
 * error the app raises on purpose is one (a storage failure, a refused file, an undo that cannot
 * be done, a setting out of range); anything else is a fault whose own message is not shown.
 */
export class AppError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'AppError';
	}
}

/** Shown for a fault the app did not foresee: its own words would mean nothing to a learner. */
export const UNEXPECTED =
	'Something went wrong, so this was not done. Nothing already saved was changed. Try again, or reload the page if it happens again.';

const QUOTA =
	'Your device is out of storage space, so this was not saved. Nothing already saved was changed. Free some space and try again.';

/**
 * The one error path: the message to show for any failure, in words a person can act on. A
 * failure that is not an AppError is logged with its cause (a library's message such as ts-fsrs's
 * `Invalid delta_t` is never shown).
 */
export function errorMessage(error: unknown): string {
	if (error instanceof AppError) return error.message;
	if (error instanceof Error && error.name === 'QuotaExceededError') return QUOTA;
	console.error('Unexpected failure:', error);
	return UNEXPECTED;
}

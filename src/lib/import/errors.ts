import { AppError } from '$lib/errors';

/**
 * A file that cannot be imported. Its message says why in words a person can act on; `line` is
 * the line (or, in a package, the note) it is about, where there is one; `cause` is the library's
 * own error, kept for the log.
 */
export class ImportError extends AppError {
	constructor(
		message: string,
		readonly line?: number,
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.name = 'ImportError';
	}
}

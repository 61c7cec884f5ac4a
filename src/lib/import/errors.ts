import { AppError } from '$lib/errors';

/**
 * A file of cards that cannot be imported: its message says why in words a person can act on, and
 * `line` says where, when one line is to blame (the message then starts with it). `cause` is the
 * library's own error, kept for the log. Nothing is imported from a file that raised one.
 */
export class ImportError extends AppError {
	constructor(
		message: string,
		/** The 1-based line of the file at fault, when there is one. */
		readonly line?: number,
		options?: { cause?: unknown }
	) {
		super(line === undefined ? message : `Line ${line}: ${message}`, options);
		this.name = 'ImportError';
	}
}

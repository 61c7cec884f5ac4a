import { AppError } from '$lib/errors';

/**
 * A file of cards that cannot be imported: its message says why in words a person can act on, and
 * `line` says where, when one line is to blame. Nothing is imported from a file that raised one.
 */
export class ImportError extends AppError {
	/** The 1-based line of the file at fault, when there is one. */
	readonly line?: number;

	constructor(message: string, line?: number) {
		super(line === undefined ? message : `Line ${line}: ${message}`);
		this.name = 'ImportError';
		this.line = line;
	}
}

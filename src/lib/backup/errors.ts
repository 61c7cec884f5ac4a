import { AppError } from '$lib/errors';

/** A file that cannot be imported; its message says why in words a person can act on. */
export class ImportError extends AppError {
	constructor(message: string) {
		super(message);
		this.name = 'ImportError';
	}
}

import { AppError } from '$lib/errors';

/**
 * A synced document, or a body about to be synced, that the app refuses: malformed, too large,
 * tampered with, or holding something no device of ours writes. Nothing of it is stored.
 */
export class SyncDocError extends AppError {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'SyncDocError';
	}
}

/**
 * A synced document that does not decrypt under the keys used: encrypted with another passphrase,
 * changed after it was encrypted, or copied to another id.
 */
export class UndecryptableError extends SyncDocError {
	constructor(cause?: unknown) {
		super(
			'A synced document was refused because it could not be decrypted: it was changed after it was encrypted, or encrypted with another passphrase. Nothing of it was stored.',
			{ cause }
		);
		this.name = 'UndecryptableError';
	}
}

/** The passphrase typed is not the one the account's data was encrypted with. */
export class WrongPassphraseError extends AppError {
	constructor() {
		super(
			'That sync passphrase does not match the one this account was set up with. Nothing was synced. Check it and try again.'
		);
		this.name = 'WrongPassphraseError';
	}
}

/** Another device's clock is so far ahead of this one's that its edits cannot be ordered. */
export class ClockSkewError extends AppError {
	constructor() {
		super(
			"Another device's clock is more than an hour ahead of this one's, so its changes were not synced. Set the date and time right on both devices, then sync again."
		);
		this.name = 'ClockSkewError';
	}
}

/** A sync failure, in words a person can act on. */
export class SyncError extends AppError {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'SyncError';
	}
}

/** The local copy of the synced documents refused a write: this device's storage, not the server. */
export function outboxRefused(result: { message?: string; error?: unknown }): SyncError {
	return new SyncError(
		'This device could not keep its copy of what it syncs, so nothing more was synced this time. If the device is low on storage, free some space; sync tries again later.',
		{ cause: result }
	);
}

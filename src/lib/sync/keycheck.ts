import * as v from 'valibot';
import { base64ToBytes, bytesToBase64 } from './base64';
import { KDF_ITERATIONS, deriveSyncKeys, open, refused, seal, type SyncKeys } from './crypto';
import { SyncDocError, UndecryptableError, WrongPassphraseError } from './errors';

// The keycheck document tells a wrong passphrase from a right one before anything is synced, and
// carries what every device needs to derive the same keys: the salt and the iteration count.

/** The keycheck document's id. */
export const KEYCHECK_ID = 'keycheck';

/** Fewer iterations than this make guessing a passphrase from the server's copy too cheap. */
export const MIN_ITERATIONS = 100_000;

/** More than this would keep a phone busy for minutes: no account of ours is set up with more. */
export const MAX_ITERATIONS = 10_000_000;

const SALT_BYTES = 16;

/** What the keycheck seals: known, so that decrypting it proves the passphrase. */
const KEYCHECK_BODY = 'cto-prep sync keycheck v1';

/** The keycheck document as the server keeps it. */
export interface KeycheckDoc {
	_id: typeof KEYCHECK_ID;
	/** base64 of the account's 16 random bytes of salt. */
	salt: string;
	iterations: number;
	c: string;
}

const KeycheckSchema = v.strictObject({
	_id: v.literal(KEYCHECK_ID),
	_rev: v.optional(v.string()),
	salt: v.pipe(
		v.string(),
		v.check((text) => base64ToBytes(text)?.length === SALT_BYTES)
	),
	iterations: v.pipe(
		v.number(),
		v.integer(),
		v.minValue(MIN_ITERATIONS),
		v.maxValue(MAX_ITERATIONS)
	),
	c: v.string()
});

/**
 * A new account's keycheck, with a fresh random salt, and the keys of its passphrase.
 * @throws SyncDocError when `iterations` is outside what unlock accepts
 */
export async function createKeycheck(
	passphrase: string,
	iterations: number = KDF_ITERATIONS
): Promise<{ doc: KeycheckDoc; keys: SyncKeys }> {
	if (!v.is(KeycheckSchema.entries.iterations, iterations)) {
		throw new SyncDocError(
			`A sync account needs between ${MIN_ITERATIONS} and ${MAX_ITERATIONS} key derivation iterations.`
		);
	}
	const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const keys = await deriveSyncKeys(passphrase, salt, iterations);
	const { c } = await seal(keys, KEYCHECK_ID, KEYCHECK_BODY);
	return { doc: { _id: KEYCHECK_ID, salt: bytesToBase64(salt), iterations, c }, keys };
}

/**
 * The sync keys of a passphrase, once the account's keycheck proves it right.
 * @param doc the keycheck document as read from the server
 * @throws WrongPassphraseError when the passphrase is not the account's
 * @throws SyncDocError when the keycheck document is malformed
 */
export async function unlock(passphrase: string, doc: unknown): Promise<SyncKeys> {
	const result = v.safeParse(KeycheckSchema, doc, { abortEarly: true });
	if (!result.success)
		throw refused(`the sync account's key check ${keycheckProblem(result.issues[0])}`);
	const { salt, iterations, c } = result.output;
	const keys = await deriveSyncKeys(passphrase, base64ToBytes(salt) as Uint8Array, iterations);
	let body: unknown;
	try {
		body = await open(keys, { _id: KEYCHECK_ID, c });
	} catch (error) {
		if (error instanceof UndecryptableError) throw new WrongPassphraseError();
		throw error;
	}
	// Only someone with the key could seal another body: an app that checks differently.
	if (body !== KEYCHECK_BODY) throw refused("the sync account's key check holds an unknown value");
	return keys;
}

function keycheckProblem(issue: v.BaseIssue<unknown>): string {
	const field = String(issue.path?.at(-1)?.key ?? '').slice(0, 40);
	if (!field) return 'is not an object';
	if (issue.type === 'strict_object' && issue.expected === 'never') {
		return `has a field "${field}" it should not have`;
	}
	if (field === 'iterations') {
		return `must have between ${MIN_ITERATIONS} and ${MAX_ITERATIONS} iterations`;
	}
	return `has a missing or wrong "${field}"`;
}

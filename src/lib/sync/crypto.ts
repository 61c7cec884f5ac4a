import { base64ToBytes, bytesToBase64, bytesToBase64Url } from './base64';
import { SyncDocError, UndecryptableError } from './errors';

// End-to-end encryption of synced documents: the server keeps ids, revisions and ciphertext,
// nothing else. Only WebCrypto is used, so this runs in the browser, a worker and Node alike.

/** PBKDF2-SHA-256 iterations for a new account: OWASP's recommendation for PBKDF2-HMAC-SHA256. */
export const KDF_ITERATIONS = 600_000;

/** The longest document id accepted: ours are at most a prefix and a uuid (38 characters). */
export const MAX_ID_LENGTH = 100;

/**
 * The longest ciphertext (`c`) sealed or opened, in characters. CouchDB refuses documents over
 * its default `max_document_size` of 8,000,000 bytes; this leaves room for the id and revision.
 */
export const MAX_SEALED_CHARACTERS = 7_800_000;

/** A document id: letters, digits, `:`, `_` and `-`, never CouchDB's reserved leading `_`. */
const DOC_ID = /^[a-z][A-Za-z0-9:_-]*$/;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const HIDDEN_ID_LENGTH = 22;

/** The keys one passphrase opens: never extractable, so no script can read them out. */
export interface SyncKeys {
	/** AES-GCM-256: encrypts and authenticates document bodies. */
	body: CryptoKey;
	/** HMAC-SHA-256: turns a setting's name or a card's id into an id that does not reveal it. */
	id: CryptoKey;
}

/** A document as pushed to the server: its id, and its body encrypted. */
export interface SealedDoc {
	_id: string;
	/** base64 of a 12-byte IV followed by the AES-GCM ciphertext and tag of the body's JSON. */
	c: string;
}

const encoder = new TextEncoder();
const subtle = () => globalThis.crypto.subtle;

/**
 * The sync keys of a passphrase. PBKDF2 gives one 256-bit master secret, from which HKDF derives
 * the body key and the id key under distinct labels. (Asking PBKDF2 for 512 bits and splitting
 * them would run every iteration twice for us, while an attacker testing a guess needs only the
 * first half: the well-known PBKDF2 output-length pitfall.) The passphrase is NFC-normalized so
 * that one passphrase typed on two systems gives one key.
 * @param salt the account's random salt (16 bytes, kept in the keycheck document)
 */
export async function deriveSyncKeys(
	passphrase: string,
	salt: Uint8Array,
	iterations: number = KDF_ITERATIONS
): Promise<SyncKeys> {
	const material = await subtle().importKey(
		'raw',
		encoder.encode(passphrase.normalize('NFC')),
		'PBKDF2',
		false,
		['deriveBits']
	);
	const master = await subtle().deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
		material,
		256
	);
	const hkdf = await subtle().importKey('raw', master, 'HKDF', false, ['deriveKey']);
	const label = (info: string) => ({
		name: 'HKDF',
		hash: 'SHA-256',
		salt: new Uint8Array(0),
		info: encoder.encode(info)
	});
	const [body, id] = await Promise.all([
		subtle().deriveKey(
			label('cto-prep sync body key v1'),
			hkdf,
			{ name: 'AES-GCM', length: 256 },
			false,
			['encrypt', 'decrypt']
		),
		subtle().deriveKey(
			label('cto-prep sync id key v1'),
			hkdf,
			{ name: 'HMAC', hash: 'SHA-256', length: 256 },
			false,
			['sign']
		)
	]);
	return { body, id };
}

/**
 * Encrypts a body under its id. The id is the additional data, so ciphertext copied to another
 * id does not open. Each seal takes a fresh random IV: far fewer than the 2^32 documents NIST
 * allows per key with random 96-bit IVs are ever written.
 * @throws SyncDocError when the id is not one of ours, or the body is not JSON or too large
 */
export async function seal(keys: SyncKeys, id: string, body: unknown): Promise<SealedDoc> {
	const idProblem = checkId(id);
	if (idProblem) throw refused(idProblem);
	const json = JSON.stringify(body) as string | undefined;
	if (json === undefined) throw refused('its body is not data that can be written as JSON');
	const plain = encoder.encode(json);
	// The sealed size is known before sealing: base64 of the IV, the ciphertext and the tag.
	if (4 * Math.ceil((IV_BYTES + plain.length + TAG_BYTES) / 3) > MAX_SEALED_CHARACTERS) {
		throw refused('it is too large to sync');
	}
	const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const ciphertext = await subtle().encrypt(
		{ name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
		keys.body,
		plain
	);
	const sealed = new Uint8Array(IV_BYTES + ciphertext.byteLength);
	sealed.set(iv);
	sealed.set(new Uint8Array(ciphertext), IV_BYTES);
	return { _id: id, c: bytesToBase64(sealed) };
}

/**
 * The body of a synced document: checked, decrypted and parsed, not yet validated (see
 * parseBody). PouchDB's `_rev` is accepted and ignored; any other field is refused.
 * @throws UndecryptableError (a SyncDocError) when it does not decrypt under these keys
 * @throws SyncDocError when the document is malformed or its body is not JSON
 */
export async function open(keys: SyncKeys, doc: unknown): Promise<unknown> {
	const { _id: id, c } = checkSealedDoc(doc);
	const sealed = base64ToBytes(c);
	if (!sealed) throw refused('its ciphertext is not base64');
	if (sealed.length < IV_BYTES + TAG_BYTES) throw refused('its ciphertext is too short');
	let plain: ArrayBuffer;
	try {
		plain = await subtle().decrypt(
			{ name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES), additionalData: encoder.encode(id) },
			keys.body,
			sealed.subarray(IV_BYTES)
		);
	} catch (error) {
		throw new UndecryptableError(error);
	}
	try {
		return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) as unknown;
	} catch (error) {
		throw refused('its body is not valid JSON', error);
	}
}

/**
 * The id of a per-key document (a setting, the marks of a card), which must not reveal the key:
 * `<kind>:` and the first 22 base64url characters (132 bits) of HMAC(kind, NUL, key). The kind
 * is in the MAC so that equal keys of two kinds get unrelated ids.
 * @param kind the id's prefix, such as `s` for a setting
 */
export async function hiddenId(keys: SyncKeys, kind: string, naturalKey: string): Promise<string> {
	const mac = await subtle().sign('HMAC', keys.id, encoder.encode(`${kind}\u0000${naturalKey}`));
	return `${kind}:${bytesToBase64Url(new Uint8Array(mac)).slice(0, HIDDEN_ID_LENGTH)}`;
}

/**
 * What is wrong with a document id, or null when it is one of ours.
 */
export function checkId(id: unknown): string | null {
	if (typeof id !== 'string') return 'its id is not text';
	if (id.length > MAX_ID_LENGTH) return `its id is longer than ${MAX_ID_LENGTH} characters`;
	if (!DOC_ID.test(id)) return 'its id is not one this app writes';
	return null;
}

/** A SyncDocError for a document refused for `reason`. */
export function refused(reason: string, cause?: unknown): SyncDocError {
	return new SyncDocError(
		`A synced document was refused because ${reason}. Nothing of it was stored.`,
		{ cause }
	);
}

function checkSealedDoc(doc: unknown): SealedDoc {
	if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
		throw refused('it is not a document (an object)');
	}
	const record = doc as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		if (key !== '_id' && key !== 'c' && key !== '_rev') {
			throw refused(`it has a field "${key.slice(0, 40)}" that synced documents do not have`);
		}
	}
	const idProblem = checkId(record._id);
	if (idProblem) throw refused(idProblem);
	const c = record.c;
	if (typeof c !== 'string') throw refused('its ciphertext is missing or not text');
	if (c.length > MAX_SEALED_CHARACTERS) throw refused('its ciphertext is too large');
	return { _id: record._id as string, c };
}

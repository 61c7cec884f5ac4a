import { beforeAll, describe, expect, it } from 'vitest';
import {
	KDF_ITERATIONS,
	MAX_SEALED_CHARACTERS,
	deriveSyncKeys,
	hiddenId,
	open,
	seal,
	type SyncKeys
} from '$lib/sync/crypto';
import { SyncDocError, UndecryptableError, WrongPassphraseError } from '$lib/sync/errors';
import { KEYCHECK_ID, MIN_ITERATIONS, createKeycheck, unlock } from '$lib/sync/keycheck';

// Few iterations keep these tests fast; one test derives with the real default.
const FAST = 1_000;
const SALT = new Uint8Array(16).fill(7);

let keys: SyncKeys;
let otherKeys: SyncKeys;

beforeAll(async () => {
	[keys, otherKeys] = await Promise.all([
		deriveSyncKeys('correct horse battery staple', SALT, FAST),
		deriveSyncKeys('correct horse battery stable', SALT, FAST)
	]);
});

/** `c` with one byte of its ciphertext flipped, still valid base64. */
function flipped(c: string, at: number): string {
	const bytes = Uint8Array.from(atob(c), (character) => character.charCodeAt(0));
	bytes[at] = (bytes[at] as number) ^ 1;
	return btoa(String.fromCharCode(...bytes));
}

describe('sealed documents', () => {
	it('open to the body they were sealed with, and hold only an id and ciphertext', async () => {
		const body = { kind: 'note', text: 'What does a CTO own?', rating: 3 };
		const doc = await seal(keys, 'r:abc', body);
		expect(Object.keys(doc).sort()).toEqual(['_id', 'c']);
		expect(JSON.stringify(doc)).not.toMatch(/CTO|rating|note/);
		expect(await open(keys, doc)).toEqual(body);
		// PouchDB adds a revision: it is accepted and ignored.
		expect(await open(keys, { ...doc, _rev: '1-abc' })).toEqual(body);
	});

	it('differ each time one body is sealed (a fresh IV)', async () => {
		const [a, b] = await Promise.all([seal(keys, 'r:x', 1), seal(keys, 'r:x', 1)]);
		expect(a.c).not.toBe(b.c);
	});

	it('refuse to open when any byte of the IV, the ciphertext or the tag changed', async () => {
		const doc = await seal(keys, 'r:abc', { kind: 'review' });
		const length = atob(doc.c).length;
		for (const at of [0, 11, 12, length - 17, length - 1]) {
			await expect(open(keys, { ...doc, c: flipped(doc.c, at) })).rejects.toThrow(
				UndecryptableError
			);
		}
	});

	it('refuse to open under another id: the id is authenticated with the body', async () => {
		const doc = await seal(keys, 's:aaaa', { kind: 'setting', value: 0.9 });
		await expect(open(keys, { _id: 's:bbbb', c: doc.c })).rejects.toThrow(/could not be decrypted/);
	});

	it('refuse to open under keys of another passphrase', async () => {
		const doc = await seal(keys, 'r:abc', { kind: 'review' });
		await expect(open(otherKeys, doc)).rejects.toThrow(UndecryptableError);
	});

	it.each([
		['not an object', 'text', /not a document/],
		['a list', [], /not a document/],
		['null', null, /not a document/],
		['an extra field', { _id: 'r:abc', c: 'AAAA', extra: 1 }, /field "extra"/],
		['_deleted', { _id: 'r:abc', c: 'AAAA', _deleted: true }, /field "_deleted"/],
		['no id', { c: 'AAAA' }, /id is not text/],
		['an id that is a number', { _id: 7, c: 'AAAA' }, /id is not text/],
		['a long id', { _id: `r:${'a'.repeat(200)}`, c: 'AAAA' }, /id is longer than 100/],
		['a reserved id', { _id: '_design/x', c: 'AAAA' }, /id is not one this app writes/],
		['no ciphertext', { _id: 'r:abc' }, /ciphertext is missing/],
		['c not base64', { _id: 'r:abc', c: 'not base64!' }, /not base64/],
		['c base64 with whitespace', { _id: 'r:abc', c: 'AAAA AAAA' }, /not base64/],
		['c too short', { _id: 'r:abc', c: btoa('short') }, /too short/],
		['c too large', { _id: 'r:abc', c: 'A'.repeat(MAX_SEALED_CHARACTERS + 4) }, /too large/]
	])('refuse a document with %s, saying why', async (_what, doc, reason) => {
		const refusal = open(keys, doc);
		await expect(refusal).rejects.toThrow(SyncDocError);
		await expect(refusal).rejects.toThrow(reason);
	});

	it('refuse a body that decrypts but is not JSON', async () => {
		const bad = await sealRaw(keys, 'r:abc', '{"kind":');
		await expect(open(keys, bad)).rejects.toThrow(/not valid JSON/);
	});

	it('are refused when sealing a body that is not JSON, or too large to sync', async () => {
		await expect(seal(keys, 'r:abc', undefined)).rejects.toThrow(/not data that can be written/);
		await expect(seal(keys, 'r:abc', 'x'.repeat(MAX_SEALED_CHARACTERS))).rejects.toThrow(
			/too large to sync/
		);
		await expect(seal(keys, '_users', {})).rejects.toThrow(SyncDocError);
	});
});

describe('hidden ids', () => {
	it('do not reveal their key, are stable, and differ by key, kind and passphrase', async () => {
		const id = await hiddenId(keys, 's', 'desiredRetention');
		expect(id).toMatch(/^s:[A-Za-z0-9_-]{22}$/);
		expect(id).not.toContain('desired');
		expect(await hiddenId(keys, 's', 'desiredRetention')).toBe(id);
		const others = await Promise.all([
			hiddenId(keys, 's', 'newPerDay'),
			hiddenId(keys, 'm', 'desiredRetention'),
			hiddenId(otherKeys, 's', 'desiredRetention')
		]);
		expect(others.map((other) => other.slice(2))).not.toContain(id.slice(2));
		expect(new Set(others).size).toBe(3);
	});
});

describe('the keycheck', () => {
	it('unlocks with the passphrase it was made with, to keys that open what it sealed', async () => {
		const { doc, keys: made } = await createKeycheck('my sync passphrase', MIN_ITERATIONS);
		expect(doc._id).toBe(KEYCHECK_ID);
		expect(doc.iterations).toBe(MIN_ITERATIONS);
		expect(atob(doc.salt)).toHaveLength(16);
		const sealed = await seal(made, 'r:abc', { n: 1 });
		const unlocked = await unlock('my sync passphrase', { ...doc, _rev: '3-x' });
		expect(await open(unlocked, sealed)).toEqual({ n: 1 });
	});

	it('says the passphrase is wrong when it is, and nothing opens', async () => {
		const { doc } = await createKeycheck('my sync passphrase', MIN_ITERATIONS);
		const refusal = unlock('my sync passphrase ', doc);
		await expect(refusal).rejects.toThrow(WrongPassphraseError);
		await expect(refusal).rejects.toThrow(/does not match.*Nothing was synced/);
	});

	it('gets a new salt each time, so one passphrase gives two accounts different keys', async () => {
		const [a, b] = await Promise.all([
			createKeycheck('same', MIN_ITERATIONS),
			createKeycheck('same', MIN_ITERATIONS)
		]);
		expect(a.doc.salt).not.toBe(b.doc.salt);
		await expect(open(b.keys, await seal(a.keys, 'r:abc', 1))).rejects.toThrow(SyncDocError);
	});

	it.each([
		['too few iterations', { iterations: 1_000 }, /iterations/],
		['too many iterations', { iterations: 20_000_000 }, /iterations/],
		['iterations that are not whole', { iterations: 100_000.5 }, /iterations/],
		['a short salt', { salt: btoa('short') }, /salt/],
		['a salt that is not base64', { salt: '!!' }, /salt/],
		['another id', { _id: 'r:abc' }, /_id/],
		['an extra field', { extra: 1 }, /extra/]
	])(
		'refuses a keycheck with %s as malformed, not as a wrong passphrase',
		async (_what, change, field) => {
			const { doc } = await createKeycheck('p', MIN_ITERATIONS);
			const refusal = unlock('p', { ...doc, ...change });
			await expect(refusal).rejects.toThrow(SyncDocError);
			await expect(refusal).rejects.not.toThrow(WrongPassphraseError);
			await expect(refusal).rejects.toThrow(field);
		}
	);

	it('refuses to be made with fewer iterations than unlock accepts', async () => {
		await expect(createKeycheck('p', 10)).rejects.toThrow(SyncDocError);
	});

	it('derives with 600,000 PBKDF2 iterations by default', async () => {
		expect(KDF_ITERATIONS).toBe(600_000);
		const { doc } = await createKeycheck('the real thing');
		expect(doc.iterations).toBe(600_000);
		const slow = await deriveSyncKeys('the real thing', SALT);
		const fast = await deriveSyncKeys('the real thing', SALT, FAST);
		await expect(open(fast, await seal(slow, 'r:abc', 1))).rejects.toThrow(SyncDocError);
		// The keys cannot be read out by a script.
		expect(slow.body.extractable).toBe(false);
		expect(slow.id.extractable).toBe(false);
	});
});

/** Seals text as it is, without JSON: a body no device of ours would write. */
async function sealRaw(keys: SyncKeys, id: string, text: string) {
	const encoder = new TextEncoder();
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const ciphertext = new Uint8Array(
		await crypto.subtle.encrypt(
			{ name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
			keys.body,
			encoder.encode(text)
		)
	);
	return { _id: id, c: btoa(String.fromCharCode(...iv, ...ciphertext)) };
}

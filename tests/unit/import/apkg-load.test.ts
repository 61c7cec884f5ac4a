import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, initApkgReader, readApkg } from '$lib/import/apkg';

const root = join(import.meta.dirname, '../../..');

// In this order: the first case needs a reader never loaded.
describe('loading the package reader', { shuffle: false }, () => {
	it('is needed before a package is read', async () => {
		await expect(readApkg(new Uint8Array([0x50, 0x4b, 3, 4]))).rejects.toThrow(
			'initApkgReader must be called before readApkg.'
		);
	});

	it('says what to do when SQLite cannot be fetched, and can be tried again', async () => {
		// Node's fetch refuses a URL without an origin, as a browser offline refuses any.
		const error = await initApkgReader('/nowhere/sql-wasm.wasm').then(
			() => undefined,
			(reason: unknown) => reason
		);
		expect(error).toBeInstanceOf(ImportError);
		expect((error as Error).message).toBe(
			'The Anki package reader could not be loaded. Connect to the internet once and try again.'
		);
		await initApkgReader(
			new Uint8Array(readFileSync(join(root, 'node_modules/sql.js/dist/sql-wasm.wasm')))
		);
		const deck = await readApkg(
			new Uint8Array(readFileSync(join(root, 'tests/fixtures/apkg/anki2.apkg')))
		);
		expect(deck.cards).toHaveLength(5);
	});
});

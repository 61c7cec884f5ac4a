import { describe, expect, it } from 'vitest';
import { hex, localName, syncError } from '$lib/sync/connect';
import { WrongPassphraseError } from '$lib/sync/errors';

describe('the sync server, as the app names it and reads its failures', () => {
	it('finds the account’s database as CouchDB names it, and keeps each account apart here', () => {
		expect(hex('ada')).toBe('616461');
		expect(hex('zoë')).toBe('7a6fc3ab');
		const one = localName({ origin: 'https://a.example', username: 'ada' });
		expect(one).toMatch(/^cto-prep-sync-[0-9a-f]+$/);
		expect(localName({ origin: 'https://b.example', username: 'ada' })).not.toBe(one);
	});

	it('says what went wrong in words a learner can act on', () => {
		const status = (code: number) => syncError(Object.assign(new Error('x'), { status: code }));
		expect(status(401).message).toMatch(/did not accept that username and password/);
		expect(status(403).message).toMatch(/does not let this account use its database/);
		expect(status(404).message).toMatch(/no database for this account yet.*couch_peruser/);
		expect(status(502).message).toMatch(/reply the app cannot read/);
		expect(syncError(new SyntaxError('Unexpected end of JSON input')).message).toMatch(
			/cannot read/
		);
		// The replicator passes a parse error on as a copy of its fields.
		expect(
			syncError({ name: 'PouchError', message: 'Unexpected token } in JSON' }).message
		).toMatch(/cannot read/);
		expect(syncError(new TypeError('Failed to fetch')).message).toMatch(/could not be reached/);
		const wrong = new WrongPassphraseError();
		expect(syncError(wrong)).toBe(wrong);
	});
});

import { describe, expect, it } from 'vitest';
import { syncOrigin } from '$lib/sync/origin.js';
import { SYNC_ORIGIN } from '$lib/sync/config';

describe('the sync server a build names', () => {
	it('is none when unset or empty: no sync is offered', () => {
		expect(syncOrigin(undefined)).toBeNull();
		expect(syncOrigin('  ')).toBeNull();
		// The unit tests are built without one.
		expect(SYNC_ORIGIN).toBeNull();
	});

	it('is an https origin, or http on this machine for testing', () => {
		expect(syncOrigin('https://couch.example.org')).toBe('https://couch.example.org');
		expect(syncOrigin('https://couch.example.org:6984/')).toBe('https://couch.example.org:6984');
		expect(syncOrigin('http://localhost:5984')).toBe('http://localhost:5984');
		expect(syncOrigin('http://127.0.0.1:5984')).toBe('http://127.0.0.1:5984');
	});

	it('stops the build with what is wrong otherwise', () => {
		expect(() => syncOrigin('couch.example.org')).toThrow(/must be the URL of a CouchDB server/);
		expect(() => syncOrigin('http://couch.example.org')).toThrow(/must use https/);
		expect(() => syncOrigin('ftp://couch.example.org')).toThrow(/must use https/);
		expect(() => syncOrigin('https://couch.example.org/db')).toThrow(/origin alone/);
		expect(() => syncOrigin('https://admin:secret@couch.example.org')).toThrow(/origin alone/);
		expect(() => syncOrigin('https://couch.example.org/?x=1')).toThrow(/origin alone/);
	});
});

import { describe, expect, it } from 'vitest';
import { DB_VERSION } from '$lib/storage/db';
import { freshDB } from './db';

describe('the database schema', () => {
	it('is created from nothing with every store and index', async () => {
		const db = await freshDB();
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual(['cards', 'decks', 'reviews', 'settings']);
		const tx = db.transaction(['cards', 'reviews']);
		expect([...tx.objectStore('cards').indexNames].sort()).toEqual(['by-deck', 'by-due']);
		expect([...tx.objectStore('reviews').indexNames].sort()).toEqual(['by-card', 'by-time']);
		expect(tx.objectStore('reviews').autoIncrement).toBe(true);
		db.close();
	});
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/settings';
import { loadMeta, loadSettings, saveMeta, saveSetting } from '$lib/storage/settings';
import { freshDB } from './db';

describe('settings', () => {
	it('start from the defaults: 90% retention, 20 new cards a day', async () => {
		const db = await freshDB();
		expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
		expect(DEFAULT_SETTINGS.desiredRetention).toBe(0.9);
		expect(DEFAULT_SETTINGS.newPerDay).toBe(20);
	});

	it('are saved one by one and checked', async () => {
		const db = await freshDB();
		await saveSetting(db, 'newPerDay', 35);
		expect((await loadSettings(db)).newPerDay).toBe(35);
		await expect(saveSetting(db, 'desiredRetention', 1.5)).rejects.toThrow(
			'This setting must be a number from 0.7 to 0.99. Nothing was changed.'
		);
		expect((await loadSettings(db)).desiredRetention).toBe(0.9);
	});

	it('fall back to the default when a stored value is invalid', async () => {
		const db = await freshDB();
		await db.put('settings', { key: 'newPerDay', value: 'lots' });
		await db.put('settings', { key: 'unknown', value: 1 });
		expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
	});

	it('keep app records apart from the settings', async () => {
		const db = await freshDB();
		await saveMeta(db, 'lastBackupAt', 123);
		expect(await loadMeta(db, 'lastBackupAt')).toBe(123);
		expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
	});
});

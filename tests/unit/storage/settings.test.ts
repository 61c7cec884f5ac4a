import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/settings';
import { CLOCK, DEVICE_ID } from '$lib/storage/clock';
import { openStudyDB, type StudyDatabase } from '$lib/storage/db';
import { exportProgress } from '$lib/storage/export';
import { loadMeta, loadSettings, saveMeta, saveSetting } from '$lib/storage/settings';
import { compareHlc, parseHlc, type Hlc } from '$lib/sync/hlc';
import { freshDB } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);

/** The clock reading a stored setting's last edit was stamped with. */
async function readingOf(db: StudyDatabase, key: string): Promise<Hlc> {
	const hlc = (await db.get('settings', key))?.hlc;
	return parseHlc(hlc ?? '') as Hlc;
}

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

	it("are stamped with this device's clock, each save later than the last", async () => {
		const db = await freshDB();
		await saveSetting(db, 'newPerDay', 30, NOW);
		const first = await readingOf(db, 'newPerDay');
		expect(first).toMatchObject({ wall: NOW, node: await loadMeta(db, 'deviceId') });
		// The device's clock set back an hour: the next edit is still the newer one.
		await saveSetting(db, 'newPerDay', 31, NOW - 3_600_000);
		const second = await readingOf(db, 'newPerDay');
		expect(compareHlc(second, first)).toBe(1);
		expect(second.node).toBe(first.node);
		expect((await db.get('settings', CLOCK))?.value).toBe(
			(await db.get('settings', 'newPerDay'))?.hlc
		);
		expect(DEVICE_ID).toMatch(/^meta:/);
	});

	it('saved at once in two tabs get distinct readings', async () => {
		const name = `tabs-${Math.random().toString(36).slice(2)}`;
		const tabs = [await openStudyDB(name), await openStudyDB(name)] as const;
		await Promise.all([
			saveSetting(tabs[0], 'newPerDay', 30, NOW),
			saveSetting(tabs[1], 'newPerDeck', 5, NOW),
			saveSetting(tabs[0], 'reviewsPerDay', 100, NOW),
			saveSetting(tabs[1], 'dayStartHour', 3, NOW)
		]);
		const keys = ['newPerDay', 'newPerDeck', 'reviewsPerDay', 'dayStartHour'];
		const readings = await Promise.all(keys.map((key) => readingOf(tabs[0], key)));
		const texts = new Set(readings.map((reading) => JSON.stringify(reading)));
		expect(texts.size).toBe(4);
		expect(new Set(readings.map((reading) => reading.node)).size).toBe(1);
		for (const tab of tabs) tab.close();
	});

	it('go into a backup as values, without the clock reading of their last edit', async () => {
		const db = await freshDB();
		await saveSetting(db, 'newPerDay', 30, NOW);
		const backup = await exportProgress(db, NOW);
		expect(backup.settings).toEqual([{ key: 'newPerDay', value: 30 }]);
	});
});

import { describe, expect, it } from 'vitest';
import { serializeBackup } from '$lib/backup/file';
import { parseBackup } from '$lib/backup/parse';
import { exportProgress, importProgress } from '$lib/storage/backup';
import { changeMarks, loadMarks } from '$lib/storage/marks';
import { deviceContents, freshDB, importText } from './db';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const HOUR = 3_600_000;
const A = 'cto-role/what-a-cto-is/a/basic';
const B = 'cto-role/what-a-cto-is/b/basic';
const C = 'own-acme/cards/c/basic';

describe('marks on cards in a backup', () => {
	it('come back on another device, notes without markup', async () => {
		const db = await freshDB();
		await changeMarks(db, [A], { suspended: true, flagged: true }, NOW);
		await changeMarks(db, [B], { note: 'See <b>the</b> notes' }, NOW);
		const text = serializeBackup(await exportProgress(db, NOW + HOUR));
		const other = await freshDB();
		const summary = await importProgress(other, parseBackup(text, NOW + HOUR));
		expect(summary.marks).toBe(2);
		const marks = await loadMarks(other);
		expect(marks.get(A)).toMatchObject({ suspended: true, flagged: true, note: '' });
		expect(marks.get(B)).toMatchObject({ suspended: false, note: 'See ‹b>the‹/b> notes' });
	});

	it('merge by card: the newer marks win, an unsuspend included; the device’s others stay', async () => {
		const source = await freshDB();
		await changeMarks(source, [A, B], { suspended: true }, NOW);
		const text = serializeBackup(await exportProgress(source, NOW + HOUR));
		const db = await freshDB();
		// Later on this device: A unsuspended; C marked only here.
		await changeMarks(db, [A], { suspended: true }, NOW - HOUR);
		await changeMarks(db, [A], { suspended: false }, NOW + HOUR);
		await changeMarks(db, [C], { flagged: true }, NOW);
		const summary = await importProgress(db, parseBackup(text, NOW + 2 * HOUR));
		expect(summary.marks).toBe(1);
		const marks = await loadMarks(db);
		expect(marks.get(A)?.suspended).toBe(false);
		expect(marks.get(B)?.suspended).toBe(true);
		expect(marks.get(C)?.flagged).toBe(true);
	});

	it('marks that are not marks are refused, and nothing changes', async () => {
		const db = await freshDB();
		await changeMarks(db, [A], { flagged: true }, NOW);
		const file = JSON.parse(serializeBackup(await exportProgress(db, NOW + HOUR)));
		const mark = file.marks[0];
		const refused: [unknown, RegExp][] = [
			[[{ ...mark, flagged: 'yes' }], /must be true or false/],
			[[{ ...mark, note: 'x'.repeat(2001) }], /at most 2,000 characters/],
			[[{ ...mark, note: '<script>alert(1)</script>' }], /HTML or a script/],
			[[{ ...mark, item: '../etc' }], /card id/],
			[[mark, mark], /two marks of one card/],
			[[{ ...mark, extra: 1 }], /extra|does not have/],
			[{ mark }, /must be a list of the marks of cards/]
		];
		const before = await deviceContents(db, NOW + HOUR);
		for (const [marks, why] of refused) {
			await expect(
				importText(db, JSON.stringify({ ...file, marks }), NOW + HOUR),
				JSON.stringify(marks).slice(0, 60)
			).rejects.toThrow(why);
			expect(await deviceContents(db, NOW + HOUR)).toEqual(before);
		}
	});
});

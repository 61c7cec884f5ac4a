import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeRecordings } from '$lib/backup/merge';
import { describeRecordingsMerge } from '$lib/format';
import { app } from '$lib/state/app.svelte';
import { SettingsPage } from '$lib/state/settings-page.svelte';
import { deleteRecordings, loadRecording, saveRecording } from '$lib/storage/recordings';
import { freshDevice, mounted } from './site';

const NOW = Date.UTC(2026, 10, 23, 10, 0);
const HOUR = 3_600_000;
const Q = 'cto-role/what-a-cto-is/q/interview';

let leaving: (() => void)[] = [];

beforeEach(async () => {
	// Only the date is fixed: IndexedDB's own timers keep running.
	vi.useFakeTimers({ toFake: ['Date'], now: NOW });
	await freshDevice();
});

afterEach(() => {
	for (const leave of leaving) leave();
	leaving = [];
	vi.useRealTimers();
});

/** A recording of `item` made `hoursAgo`, its audio one byte: `sound`. */
function recording(item: string, sound: number, hoursAgo: number) {
	return {
		item: `${Q}-${item}`,
		audio: new Blob([new Uint8Array([sound, sound, sound])], { type: 'audio/webm' }),
		mimeType: 'audio/webm',
		size: 3,
		recordedAt: NOW - hoursAgo * HOUR
	};
}

async function soundOf(item: string): Promise<number | null> {
	const kept = await loadRecording(await app.ready(), `${Q}-${item}`);
	return kept ? (new Uint8Array(await kept.audio.arrayBuffer())[0] ?? null) : null;
}

describe('importing a backup and the recordings', () => {
	it('merges by question, the newer recording winning, and says so with counts before anything changes', async () => {
		const db = await app.ready();
		// The file: recordings of a, b, c and d, made 3, 3, 2 and 1 hours ago.
		for (const [item, hoursAgo] of [
			['a', 3],
			['b', 3],
			['c', 2],
			['d', 1]
		] as const) {
			await saveRecording(db, recording(item, 1, hoursAgo));
		}
		const { page, leave } = await mounted(new SettingsPage());
		leaving.push(leave);
		page.includeRecordings = true;
		let text = '';
		await page.exportFile((written) => (text = written));
		// This device since: a recorded again (newer), b older, c at the same time, e only here; no d.
		await deleteRecordings(db);
		await saveRecording(db, recording('a', 2, 0.5));
		await saveRecording(db, recording('b', 2, 4));
		await saveRecording(db, recording('c', 2, 2));
		await saveRecording(db, recording('e', 2, 5));

		await page.chooseBackup(new File([text], 'backup.json'));
		const voice = page.pendingImport!.voice!;
		expect(voice.taken.map((taken) => taken.item)).toEqual([`${Q}-b`, `${Q}-d`]);
		expect(voice).toMatchObject({ replaced: 1, keptNewer: 2 });
		expect(describeRecordingsMerge(voice)).toBe(
			"Recordings are merged, not replaced: 1 recording is added from the file, 1 recording on this device is replaced by a newer one from the file and 2 recordings on this device stay because the file's are not newer. Recordings only on this device stay."
		);
		// Nothing changes before the learner confirms.
		expect(await soundOf('b')).toBe(2);
		expect(await soundOf('d')).toBeNull();

		expect((await page.confirmImport())?.recordings).toBe(2);
		expect(await Promise.all(['a', 'b', 'c', 'd', 'e'].map(soundOf))).toEqual([2, 1, 2, 1, 2]);
	});

	it('says nothing of recordings for a file without them, and a tie keeps the device’s', async () => {
		const { page, leave } = await mounted(new SettingsPage());
		leaving.push(leave);
		let text = '';
		await page.exportFile((written) => (text = written));
		await page.chooseBackup(new File([text], 'backup.json'));
		expect(page.pendingImport?.voice).toBeNull();
		const here = { item: Q, recordedAt: NOW };
		expect(mergeRecordings([here], [{ ...here }])).toEqual({
			taken: [],
			replaced: 0,
			keptNewer: 1
		});
		expect(describeRecordingsMerge(mergeRecordings([], []))).toBe('');
	});
});

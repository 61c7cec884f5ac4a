import { describe, expect, it } from 'vitest';
import { serializeBackup } from '$lib/backup/file';
import { parseBackup } from '$lib/backup/parse';
import { MAX_RECORDING_BYTES } from '$lib/limits';
import { RECORDING_CAPS, selectRecordings } from '$lib/backup/recordings';
import { exportBackup, exportProgress, importProgress } from '$lib/storage/backup';
import type { StudyDatabase } from '$lib/storage/db';
import { loadRecording, saveRecording } from '$lib/storage/recordings';
import { deviceContents, freshDB, importText } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const QUESTION = 'cto-role/what-a-cto-is/q/interview';
const OTHER = 'cto-role/what-a-cto-is/r/interview';
const SOUND = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 1, 2, 250, 251, 252, 253]);

const HEARD = 'Um, we cut the release cycle <b>first</b>, you know.';

async function withRecording(
	item = QUESTION,
	bytes = SOUND,
	db?: StudyDatabase,
	recordedAt = NOW - 1000
) {
	const target = db ?? (await freshDB());
	await saveRecording(target, {
		item,
		audio: new Blob([bytes], { type: 'audio/webm;codecs=opus' }),
		mimeType: 'audio/webm;codecs=opus',
		size: bytes.length,
		recordedAt,
		transcript: HEARD,
		spokenMs: 42_000
	});
	return target;
}

async function bytesOf(db: StudyDatabase, item: string) {
	const kept = await loadRecording(db, item);
	return kept ? [...new Uint8Array(await kept.audio.arrayBuffer())] : null;
}

/** A backup of an empty device with the recordings given, as file text. */
async function fileWith(recordings: unknown): Promise<string> {
	const file = JSON.parse(serializeBackup(await exportProgress(await freshDB(), NOW)));
	return JSON.stringify({ ...file, recordings });
}

describe('recordings in a backup', () => {
	it('are left out unless asked for; asked for, they come back on another device as they were', async () => {
		const db = await withRecording();
		expect(serializeBackup(await exportProgress(db, NOW))).not.toMatch(/recordings|audio/);

		const text = serializeBackup(await exportProgress(db, NOW, { recordings: true }));
		const other = await withRecording(OTHER);
		const summary = await importProgress(other, parseBackup(text, NOW));
		expect(summary.recordings).toBe(1);
		expect(await bytesOf(other, QUESTION)).toEqual([...SOUND]);
		expect(await loadRecording(other, QUESTION)).toMatchObject({
			mimeType: 'audio/webm;codecs=opus',
			size: SOUND.length,
			recordedAt: NOW - 1000,
			// What was heard comes too (its markup neutralized, as all text in a backup), and how long.
			transcript: 'Um, we cut the release cycle ‹b>first‹/b>, you know.',
			spokenMs: 42_000
		});
		// A recording of another question, not in the file, stays.
		expect(await bytesOf(other, OTHER)).not.toBeNull();
	});

	it('replace an older recording of the same question, never a newer one (a tie keeps the device’s)', async () => {
		const HOUR = 3_600_000;
		// The file's recordings of three questions, each made an hour before the file.
		const FOLLOW_UP = `${QUESTION}/follow-up`;
		const source = await withRecording(QUESTION, SOUND, undefined, NOW - HOUR);
		await withRecording(OTHER, SOUND, source, NOW - HOUR);
		await withRecording(FOLLOW_UP, SOUND, source, NOW - HOUR);
		const text = serializeBackup(await exportProgress(source, NOW, { recordings: true }));
		// This device recorded the first earlier, the second later, the follow-up at the same time.
		const db = await withRecording(QUESTION, new Uint8Array([1, 1, 1]), undefined, NOW - 2 * HOUR);
		await withRecording(OTHER, new Uint8Array([2, 2, 2]), db, NOW - HOUR / 2);
		await withRecording(FOLLOW_UP, new Uint8Array([3, 3, 3]), db, NOW - HOUR);
		await withRecording(`${OTHER}/follow-up`, new Uint8Array([4, 4, 4]), db, NOW - 3 * HOUR);
		const summary = await importProgress(db, parseBackup(text, NOW));
		expect(summary.recordings).toBe(1);
		expect(await bytesOf(db, QUESTION)).toEqual([...SOUND]);
		expect(await bytesOf(db, OTHER)).toEqual([2, 2, 2]);
		expect(await bytesOf(db, FOLLOW_UP)).toEqual([3, 3, 3]);
		// Only on this device: it stays.
		expect(await bytesOf(db, `${OTHER}/follow-up`)).toEqual([4, 4, 4]);
	});

	it('a file without them keeps the device’s recordings', async () => {
		const db = await withRecording();
		const text = serializeBackup(await exportProgress(await freshDB(), NOW));
		const summary = await importProgress(db, parseBackup(text, NOW));
		expect(summary.recordings).toBeNull();
		expect(await bytesOf(db, QUESTION)).toEqual([...SOUND]);
	});

	it('in an export keep within what an import accepts: the newest that fit, the rest counted', async () => {
		const HOUR = 3_600_000;
		const db = await freshDB();
		// Seven recordings, newest first, of these many bytes.
		const sizes = [11, 3, 10, 0, 10, 2, 1];
		for (const [index, size] of sizes.entries()) {
			await withRecording(`${QUESTION}-${index}`, SOUND.slice(0, size), db, NOW - index * HOUR);
		}
		// A test's caps (the real ones are megabytes): 3 recordings, 20 bytes in all, 10 each.
		const caps = { count: 3, bytes: 20, each: 10 };
		const { backup, recordingsLeftOut } = await exportBackup(db, NOW, { recordings: true, caps });
		// 0 is too large alone, 3 empty, 4 would make 23 bytes, and 6 a fourth recording.
		expect(backup.recordings?.map((recording) => recording.item.at(-1))).toEqual(['1', '2', '5']);
		expect(recordingsLeftOut).toBe(4);
		const other = await freshDB();
		await importProgress(other, parseBackup(serializeBackup(backup), NOW));
		expect(await bytesOf(other, `${QUESTION}-5`)).toEqual([...SOUND.slice(0, 2)]);
		// Without caps given, an export keeps within those an import checks.
		expect(RECORDING_CAPS).toEqual({
			count: 1_000,
			bytes: 30 * 1024 * 1024,
			each: MAX_RECORDING_BYTES
		});
		expect(selectRecordings([{ recordedAt: NaN, bytes: 1 }]).leftOut).toBe(1);
	});

	// Its time limit is raised (a limit, not a wait): it reads 35 MB of files, seconds on a busy machine.
	it('a hostile, oversized or unknown recording is refused, and nothing is stored', async () => {
		const good = { item: QUESTION, mimeType: 'audio/ogg', recordedAt: NOW - 1000, data: 'AAEC' };
		const refused: [unknown, RegExp][] = [
			[[{ ...good, mimeType: 'text/html' }], /must be one of the audio types/],
			[[{ ...good, mimeType: 'audio/x-evil' }], /must be one of the audio types/],
			[[{ ...good, item: '../../etc' }], /must look like an item id/],
			[[{ ...good, data: 'not base64!' }], /base64/],
			[[{ ...good, recordedAt: Date.UTC(1999, 0, 1) }], /must be a date/],
			[[{ ...good, extra: 1 }], /does not have/],
			[[{ ...good, transcript: 'x'.repeat(100_001) }], /at most 100,000 characters/],
			[[{ ...good, transcript: 7 }], /must be a transcript/],
			[[{ ...good, transcript: '<img src=x onerror=alert(1)>' }], /markup|HTML|tag/i],
			[[{ ...good, spokenMs: -1 }], /must not be negative/],
			[[good, good], /two recordings of one question/],
			[[{ ...good, data: 'A'.repeat(Math.ceil(MAX_RECORDING_BYTES / 3) * 4 + 4) }], /at most 5 MB/],
			[
				Array.from({ length: 7 }, (_, index) => ({
					...good,
					item: `${QUESTION}-${index}`,
					data: 'A'.repeat(Math.floor(MAX_RECORDING_BYTES / 3) * 4)
				})),
				/at most 30 MB of audio in all/
			],
			[{ item: QUESTION }, /must be a list of recordings/]
		];
		// Nothing of a refused file reaches storage: the device is as it was after each import.
		const db = await withRecording();
		const before = await deviceContents(db, NOW);
		for (const [recordings, why] of refused) {
			const text = await fileWith(recordings);
			await expect(
				importText(db, text, NOW),
				JSON.stringify(recordings).slice(0, 80)
			).rejects.toThrow(why);
			expect(await deviceContents(db, NOW)).toEqual(before);
		}
		expect(await bytesOf(db, QUESTION)).toEqual([...SOUND]);
	}, 20_000);
});

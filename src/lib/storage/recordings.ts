import * as v from 'valibot';
import type { RecordingTime } from '$lib/backup/merge';
import { AppError } from '$lib/errors';
import { MAX_TRANSCRIPT_LENGTH } from '$lib/limits';
import type { Recording, StudyDatabase } from './db';
import { toStorageError } from './errors';

export type { Recording } from './db';

const FOLLOW_UP = '/follow-up';

/**
 * The key a follow-up's recording is kept under: the question's item id and `/follow-up` (an id of
 * the same form, so a backup that includes recordings carries it like any other).
 */
export function followUpKey(item: string): string {
	return `${item}${FOLLOW_UP}`;
}

/** The question a recording's key belongs to: the key itself, or a follow-up's question. */
export function questionOfKey(key: string): string {
	return key.endsWith(FOLLOW_UP) ? key.slice(0, -FOLLOW_UP.length) : key;
}

/** How many recordings are kept and how large they are together. */
export interface RecordingsTotal {
	count: number;
	bytes: number;
}

/**
 * Keeps a recording of a question's spoken answer in place of the one before: only the newest
 * recording of each question is kept, so recordings cannot pile up unseen.
 * @throws StorageError when it could not be stored (out of space, say; the one before stays)
 */
export async function saveRecording(db: StudyDatabase, recording: Recording): Promise<void> {
	try {
		await db.put('recordings', recording);
	} catch (error) {
		throw toStorageError(error);
	}
}

/** A recording as read back: a record of another shape (damaged, or older) is not played. */
const RecordingSchema = v.object({
	item: v.string(),
	audio: v.instance(Blob),
	mimeType: v.string(),
	size: v.pipe(v.number(), v.integer(), v.minValue(0)),
	recordedAt: v.pipe(v.number(), v.finite()),
	transcript: v.optional(v.pipe(v.string(), v.maxLength(MAX_TRANSCRIPT_LENGTH))),
	spokenMs: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0)))
});

/** The record kept for a question does not read back as a recording: it cannot be played. */
export class DamagedRecordingError extends AppError {
	constructor() {
		super(
			'The recording kept for this question is damaged, so it cannot be played. Record your answer again to replace it.'
		);
		this.name = 'DamagedRecordingError';
	}
}

/**
 * The recording of a question's answer, or null when there is none.
 * @throws DamagedRecordingError when the record kept does not read back as a recording (no
 * audio, a size or date that is not a number)
 * @throws StorageError when storage cannot be read
 */
export async function loadRecording(db: StudyDatabase, item: string): Promise<Recording | null> {
	let record: unknown;
	try {
		record = await db.get('recordings', item);
	} catch (error) {
		throw toStorageError(error);
	}
	if (record === undefined) return null;
	const parsed = v.safeParse(RecordingSchema, record);
	if (!parsed.success) throw new DamagedRecordingError();
	return parsed.output;
}

/**
 * How many recordings there are and their total size, from the sizes stored beside them.
 * @throws StorageError when storage cannot be read
 */
export async function recordingsTotal(db: StudyDatabase): Promise<RecordingsTotal> {
	return totalOf(await listRecordings(db));
}

/** How many recordings a list holds and their total size. */
export function totalOf(entries: readonly { size: number }[]): RecordingsTotal {
	return { count: entries.length, bytes: entries.reduce((sum, entry) => sum + entry.size, 0) };
}

/** A recording as the Settings page lists it: what it answers, when, how long and how large. */
export interface RecordingEntry {
	/** Its key: a question's item id, or its follow-up's (see `followUpKey`). */
	key: string;
	size: number;
	recordedAt: number;
	/** How long it was recorded for, in ms; absent for older recordings. */
	spokenMs?: number;
}

/**
 * Every recording on this device, newest first, without reading its audio into memory.
 * @throws StorageError when storage cannot be read
 */
export async function listRecordings(db: StudyDatabase): Promise<RecordingEntry[]> {
	try {
		const entries: RecordingEntry[] = [];
		const tx = db.transaction('recordings', 'readonly');
		for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
			const { item, size, recordedAt, spokenMs } = cursor.value;
			entries.push({
				key: item,
				size: Number.isFinite(size) ? size : 0,
				recordedAt: Number.isFinite(recordedAt) ? recordedAt : 0,
				...(typeof spokenMs === 'number' && Number.isFinite(spokenMs) ? { spokenMs } : {})
			});
		}
		await tx.done;
		return entries.sort((a, b) => b.recordedAt - a.recordedAt || a.key.localeCompare(b.key));
	} catch (error) {
		throw toStorageError(error);
	}
}

/**
 * Deletes the recording kept under one key (a question's, or its follow-up's).
 * @throws StorageError when it failed (it stays)
 */
export async function deleteRecording(db: StudyDatabase, key: string): Promise<void> {
	try {
		await db.delete('recordings', key);
	} catch (error) {
		throw toStorageError(error);
	}
}

/**
 * When each recording on this device was made, by key (a question's item id, or its follow-up's):
 * what merging a backup's recordings compares (see `mergeRecordings`).
 * @throws StorageError when storage cannot be read
 */
export async function loadRecordingTimes(db: StudyDatabase): Promise<RecordingTime[]> {
	try {
		const records = await db.getAll('recordings');
		return records.map(({ item, recordedAt }) => ({ item, recordedAt }));
	} catch (error) {
		throw toStorageError(error);
	}
}

/**
 * Deletes every recording on this device.
 * @throws StorageError when it failed (nothing was deleted)
 */
export async function deleteRecordings(db: StudyDatabase): Promise<void> {
	try {
		await db.clear('recordings');
	} catch (error) {
		throw toStorageError(error);
	}
}

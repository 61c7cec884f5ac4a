import type { MyAnswer } from '$lib/quiz/my-answer';

/** What importing a backup does to the candidate's own answers: they are merged, never replaced. */
export interface MyAnswersMerge {
	/** The file's answers to store: newer than this device's, or of questions it has none for. */
	taken: MyAnswer[];
	/** How many of `taken` replace an older answer on this device. */
	replaced: number;
	/** Answers on this device that stay as they are (the file has none for them, or an older one). */
	kept: number;
}

/** A time read from a stored record: one that is not a number (a damaged record) is the oldest. */
function timeOf(at: number | undefined): number {
	return Number.isFinite(at) ? (at as number) : -Infinity;
}

/** The file's records to store when the newer of each key wins, and how that came out. */
export interface NewerMerge<T> {
	/** Newer than this device's record of the same key, or of a key it has none for. */
	taken: T[];
	/** How many of `taken` replace an older record on this device. */
	replaced: number;
	/** Records on this device that stay although the file has one too: as new or newer. */
	keptNewer: number;
}

/**
 * The one rule a backup import merges the candidate's own things by (answers, recordings, own
 * decks): per key the newer record wins, a tie keeping the device's; records only on the device
 * stay. A device time that is not a number (a damaged record) is taken for the oldest.
 * @param device each key on this device with its time
 */
export function newerByKey<T>(
	device: ReadonlyMap<string, number | undefined>,
	file: readonly T[],
	keyOf: (record: T) => string,
	timeOfRecord: (record: T) => number
): NewerMerge<T> {
	const merge: NewerMerge<T> = { taken: [], replaced: 0, keptNewer: 0 };
	for (const record of file) {
		const key = keyOf(record);
		if (!device.has(key)) merge.taken.push(record);
		else if (timeOfRecord(record) > timeOf(device.get(key))) {
			merge.taken.push(record);
			merge.replaced += 1;
		} else merge.keptNewer += 1;
	}
	return merge;
}

/**
 * Merges the file's answers into the device's by question: for a question answered in both, the
 * newer edit (`updatedAt`) wins, a tie keeping the device's; answers only on the device stay.
 * @param device the answers on this device (only their question and time are read)
 * @param file the file's answers, or undefined for a file made before they were backed up
 */
export function mergeMyAnswers(
	device: readonly Pick<MyAnswer, 'item' | 'updatedAt'>[],
	file: readonly MyAnswer[] | undefined
): MyAnswersMerge {
	const onDevice = new Map(device.map((answer) => [answer.item, answer.updatedAt]));
	const { taken, replaced } = newerByKey(
		onDevice,
		file ?? [],
		(answer) => answer.item,
		(answer) => answer.updatedAt
	);
	return { taken, replaced, kept: onDevice.size - replaced };
}

/** A recording as the merge reads it: the key it is kept under and when it was recorded. */
export interface RecordingTime {
	/** The question's item id (or its follow-up's key). */
	item: string;
	/** When it was recorded, epoch ms. */
	recordedAt: number;
}

/** What importing a backup does to the recordings: merged by question, never replaced blindly. */
export type RecordingsMerge<T extends RecordingTime = RecordingTime> = NewerMerge<T>;

/**
 * Merges the file's recordings into the device's by key (a question, or its follow-up): for one
 * recorded on both, the newer recording (`recordedAt`) wins, a tie keeping the device's;
 * recordings only on the device stay. A device record whose time is not a number (damaged) is
 * taken for the oldest.
 * @param device the recordings on this device (only their key and time are read)
 * @param file the file's recordings, or undefined for a file without them
 */
export function mergeRecordings<T extends RecordingTime>(
	device: readonly RecordingTime[],
	file: readonly T[] | undefined
): RecordingsMerge<T> {
	return newerByKey(
		new Map(device.map((recording) => [recording.item, recording.recordedAt])),
		file ?? [],
		(recording) => recording.item,
		(recording) => recording.recordedAt
	);
}

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
	const taken = (file ?? []).filter(
		(answer) => answer.updatedAt > (onDevice.get(answer.item) ?? -Infinity)
	);
	const replaced = taken.filter((answer) => onDevice.has(answer.item)).length;
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
export interface RecordingsMerge<T extends RecordingTime = RecordingTime> {
	/** The file's recordings to store: newer than this device's, or of questions it has none for. */
	taken: T[];
	/** How many of `taken` replace an older recording on this device. */
	replaced: number;
	/** Recordings on this device that stay although the file has one too: theirs is as new or newer. */
	keptNewer: number;
}

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
	const onDevice = new Map(
		device.map((recording) => [recording.item, timeOf(recording.recordedAt)])
	);
	const taken: T[] = [];
	let replaced = 0;
	let keptNewer = 0;
	for (const recording of file ?? []) {
		const here = onDevice.get(recording.item);
		if (here === undefined) taken.push(recording);
		else if (recording.recordedAt > here) {
			taken.push(recording);
			replaced += 1;
		} else keptNewer += 1;
	}
	return { taken, replaced, keptNewer };
}

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

// Words and numbers as the app shows them: pure formatting, shared by pages and page models.
import type { MyAnswersMerge, RecordingsMerge } from '$lib/backup/merge';
import { MAX_RECORDINGS, MAX_RECORDINGS_BYTES } from '$lib/backup/recordings';
import type { ImportSummary, ProgressCounts } from '$lib/storage/backup';
import { groupDigits } from './digits';

export { groupDigits };

/** "1 answer", "310 answers". */
export function plural(count: number, one: string, many: string): string {
	return `${groupDigits(count)} ${count === 1 ? one : many}`;
}

/** "a, b and c". */
export function listOf(parts: readonly string[]): string {
	if (parts.length <= 1) return parts.join('');
	return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Each count in words, those that are 0 left out. */
function counted(parts: readonly [number, string, string][]): string[] {
	return parts.filter(([count]) => count > 0).map(([count, one, many]) => plural(count, one, many));
}

function progressParts(counts: ProgressCounts): [number, string, string][] {
	return [
		[counts.cards, 'card state', 'card states'],
		[counts.reviews, 'flashcard answer', 'flashcard answers'],
		[counts.quizAttempts, 'quiz attempt', 'quiz attempts'],
		[counts.interviewAnswers, 'interview answer', 'interview answers']
	];
}

/**
 * What progress holds, in words, what there is none of left out: "42 card states, 310 flashcard
 * answers and 5 interview answers"; "no progress" when there is none.
 */
export function describeProgress(counts: ProgressCounts): string {
	return listOf(counted(progressParts(counts))) || 'no progress';
}

/** What an import stored, in words, settings included, and what was rebuilt from the answers. */
export function describeImport(summary: ImportSummary): string {
	const stored =
		listOf(
			counted([
				...progressParts(summary),
				[summary.settings, 'setting', 'settings'],
				[summary.myAnswers ?? 0, 'answer of your own', 'answers of your own'],
				[summary.recordings ?? 0, 'recording', 'recordings']
			])
		) || 'nothing';
	return summary.rebuilt > 0 ? `${stored}. ${describeRebuilt(summary.rebuilt)}` : stored;
}

/** Why some card states of a backup are not stored as the file has them. */
export function describeRebuilt(rebuilt: number): string {
	const cards = plural(rebuilt, 'card', 'cards');
	return `In this file, ${cards} had a state that did not match ${rebuilt === 1 ? 'its' : 'their'} own answers. Answers are the record of truth, so ${rebuilt === 1 ? 'that card is' : 'those cards are'} set from ${rebuilt === 1 ? 'its' : 'their'} answers.`;
}

/**
 * What an import does to the candidate's own answers, with counts: "Your own answers are merged,
 * not replaced: 2 answers of your own are added from the file, …". Empty when neither side has any.
 */
export function describeMyAnswersMerge({ taken, replaced, kept }: MyAnswersMerge): string {
	const added = taken.length - replaced;
	const parts = [
		...(added > 0
			? [`${plural(added, 'answer of your own is', 'answers of your own are')} added from the file`]
			: []),
		...(replaced > 0
			? [
					`${plural(replaced, 'answer on this device is', 'answers on this device are')} replaced by a newer edit in the file`
				]
			: []),
		...(kept > 0
			? [
					`${plural(kept, 'answer on this device stays', 'answers on this device stay')} as ${kept === 1 ? 'it is' : 'they are'}`
				]
			: [])
	];
	if (parts.length === 0) return '';
	const none = taken.length === 0 ? ' (the file has none newer)' : '';
	return `Your own answers are merged, not replaced: ${listOf(parts)}${none}.`;
}

/**
 * What an import does to the recordings, with counts: "Recordings are merged, not replaced: 1
 * recording is added from the file, …". Empty when the file has none.
 */
export function describeRecordingsMerge({ taken, replaced, keptNewer }: RecordingsMerge): string {
	const added = taken.length - replaced;
	const parts = [
		...(added > 0
			? [`${plural(added, 'recording is', 'recordings are')} added from the file`]
			: []),
		...(replaced > 0
			? [
					`${plural(replaced, 'recording on this device is', 'recordings on this device are')} replaced by a newer one from the file`
				]
			: []),
		...(keptNewer > 0
			? [
					`${plural(keptNewer, 'recording on this device stays', 'recordings on this device stay')} because the file's ${keptNewer === 1 ? 'is' : 'are'} not newer`
				]
			: [])
	];
	if (parts.length === 0) return '';
	return `Recordings are merged, not replaced: ${listOf(parts)}. Recordings only on this device stay.`;
}

/**
 * Why a backup with recordings holds fewer than this device has (see `selectRecordings`); null
 * when it holds them all.
 */
export function describeRecordingsLeftOut(count: number): string | null {
	if (count === 0) return null;
	const mb = MAX_RECORDINGS_BYTES / (1024 * 1024);
	return `${plural(count, 'recording was', 'recordings were')} left out of the file, which holds the newest that fit in what a backup can import (${mb} MB of audio and ${groupDigits(MAX_RECORDINGS)} recordings in all). ${count === 1 ? 'It stays' : 'They stay'} on this device.`;
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** A size in bytes as a person reads it: "1.2 MB", "3.1 GB" (powers of 1000, as devices show). */
export function formatBytes(bytes: number): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < UNITS.length - 1) {
		value /= 1000;
		unit += 1;
	}
	const digits = unit === 0 || value >= 100 ? 0 : 1;
	return `${value.toLocaleString('en', { maximumFractionDigits: digits })} ${UNITS[unit]}`;
}

/** A date and time in the reader's own format: "23 Nov 2026, 09:00". */
export function formatWhen(time: number): string {
	return new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

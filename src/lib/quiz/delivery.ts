import { minutesAndSeconds } from './mock-review';

/** Figures about how a spoken answer was delivered, from its transcript. */
export interface Delivery {
	words: number;
	/** Null when the answer was too short to tell a pace from (see MIN_PACE_SECONDS). */
	wordsPerMinute: number | null;
	fillers: number;
	/** Which filler words, and how often each, most frequent first ("um" 3, "you know" 1). */
	fillerWords: FillerCount[];
	/** Seconds spoken, and the seconds the timer allowed. */
	seconds: number;
	limit: number;
}

/** A filler word and how often it was said. */
export interface FillerCount {
	word: string;
	count: number;
}

/**
 * Filler words: "um", "uh", "you know", and "like" only where it is a filler. "Like" counts when it
 * stands alone between punctuation ("it was, like, hard", "like, we grew") or after "um"/"uh";
 * "I would like to", "looks like", "like a startup" are taken as the verb or a comparison.
 */
export function fillersIn(transcript: string): FillerCount[] {
	const text = transcript.toLowerCase();
	const counts = new Map<string, number>();
	const add = (word: string, times: number) => {
		if (times > 0) counts.set(word, (counts.get(word) ?? 0) + times);
	};
	// "umm" and "uhh" are the same fillers as "um" and "uh".
	for (const [, word = ''] of text.matchAll(/\b(um+|uh+|erm)\b/g)) {
		add(word.replace(/(.)\1+$/, '$1'), 1);
	}
	add('you know', text.match(/\byou know\b/g)?.length ?? 0);
	add(
		'like',
		[...text.matchAll(/\blike\b/g)].filter(({ index }) => likeIsFiller(text, index)).length
	);
	return [...counts]
		.map(([word, count]) => ({ word, count }))
		.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}

/** Whether the "like" at `index` of a lower-case text is a filler: set apart, or after "um". */
function likeIsFiller(text: string, index: number): boolean {
	const before = text.slice(0, index).trimEnd();
	const after = text.slice(index + 'like'.length).trimStart();
	if (/\b(?:um+|uh+),?$/.test(before)) return true;
	return (before === '' || /[,.;!?]$/.test(before)) && (after === '' || /^[,.;!?]/.test(after));
}

/** How many filler words a transcript has (see fillersIn). */
export function countFillers(transcript: string): number {
	return fillersIn(transcript).reduce((sum, filler) => sum + filler.count, 0);
}

/**
 * The shortest answer a pace is told from, in seconds: a few words said in the second before the
 * reveal would read as hundreds of words per minute.
 */
export const MIN_PACE_SECONDS = 15;

/** Words per minute, fillers and length against the timer for a transcript spoken in `seconds`. */
export function deliveryOf(transcript: string, seconds: number, limit: number): Delivery {
	const words = transcript.split(/\s+/).filter((word) => /[a-z0-9]/i.test(word)).length;
	const fillerWords = fillersIn(transcript);
	return {
		words,
		wordsPerMinute: seconds >= MIN_PACE_SECONDS ? Math.round((words * 60) / seconds) : null,
		fillers: fillerWords.reduce((sum, filler) => sum + filler.count, 0),
		fillerWords,
		seconds,
		limit
	};
}

/** "1:40 of 2:00". */
export function lengthAgainstTimer(seconds: number, limit: number): string {
	return `${minutesAndSeconds(seconds * 1000)} of ${minutesAndSeconds(limit * 1000)}`;
}

/** Figures about how a spoken answer was delivered, from its transcript. */
export interface Delivery {
	words: number;
	wordsPerMinute: number;
	fillers: number;
	/** Seconds spoken, and the seconds the timer allowed. */
	seconds: number;
	limit: number;
}

/**
 * Filler words: "um", "uh", "you know", and "like" only where it is a filler. "Like" counts when it
 * stands alone between punctuation ("it was, like, hard", "like, we grew") or after "um"/"uh";
 * "I would like to", "looks like", "like a startup" are taken as the verb or a comparison.
 */
export function countFillers(transcript: string): number {
	const text = transcript.toLowerCase();
	const simple = text.match(/\b(um+|uh+|erm)\b/g)?.length ?? 0;
	const youKnow = text.match(/\byou know\b/g)?.length ?? 0;
	const like = text.match(/(?:^|[,.;!?]|\b(?:um+|uh+))\s*like\s*(?=[,.;!?]|$)/g)?.length ?? 0;
	return simple + youKnow + like;
}

/** Words per minute, fillers and length against the timer for a transcript spoken in `seconds`. */
export function deliveryOf(transcript: string, seconds: number, limit: number): Delivery {
	const words = transcript.split(/\s+/).filter((word) => /[a-z0-9]/i.test(word)).length;
	return {
		words,
		wordsPerMinute: seconds > 0 ? Math.round((words * 60) / seconds) : 0,
		fillers: countFillers(transcript),
		seconds,
		limit
	};
}

/** "1:40 of 2:00". */
export function lengthAgainstTimer(seconds: number, limit: number): string {
	const clock = (total: number) =>
		`${Math.floor(total / 60)}:${String(Math.round(total) % 60).padStart(2, '0')}`;
	return `${clock(seconds)} of ${clock(limit)}`;
}

import type { Review } from './types';

/**
 * The order of a card's answers: by time, then (two at the same millisecond, on two devices) by
 * their own ids, which every device sees alike, then by the order this device stored them.
 */
export function inLogOrder(a: Review, b: Review): number {
	if (a.time !== b.time) return a.time - b.time;
	if (a.uid !== undefined && b.uid !== undefined && a.uid !== b.uid) return a.uid < b.uid ? -1 : 1;
	return (a.id ?? 0) - (b.id ?? 0);
}

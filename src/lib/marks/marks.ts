import * as v from 'valibot';
import { groupDigits } from '$lib/digits';

// What the learner sets on a card, ours or their own: suspended (never studied, reviewed or
// crammed until unsuspended), flagged (to find it again), and a note of their own shown on its
// back. Kept apart from the card's schedule, one record per card by its item id: an answer, an
// undo, a reset of progress, a content update or a deleted deck never touch them, and when two
// copies meet (a backup, later a second device) the newer marks of a card win.

/** What the learner set on one card. */
export interface CardMarks {
	suspended: boolean;
	flagged: boolean;
	/** The learner's own note, shown on the card's back; '' for none. */
	note: string;
}

/** A card's marks as stored: one record per card that ever had any. */
export interface CardMark extends CardMarks {
	/** The card's item id. */
	item: string;
	/** When the marks last changed, epoch ms. */
	updatedAt: number;
}

/** The longest personal note on a card, in characters. */
export const NOTE_MAX_LENGTH = 2_000;

/** No marks. */
export const NO_MARKS: CardMarks = { suspended: false, flagged: false, note: '' };

export const CardMarkSchema = v.strictObject(
	{
		item: v.pipe(
			v.string('must be a card id (text)'),
			v.regex(/^[a-z0-9]+(?:[/-]+[a-z0-9]+)+$/, 'must be a card id ("deck/topic/key/kind")')
		),
		suspended: v.boolean('must be true or false'),
		flagged: v.boolean('must be true or false'),
		note: v.pipe(
			v.string('must be text'),
			v.maxLength(
				NOTE_MAX_LENGTH,
				`must be at most ${groupDigits(NOTE_MAX_LENGTH)} characters long`
			)
		),
		updatedAt: v.pipe(v.number('must be a time (a number)'), v.integer(), v.minValue(0))
	},
	'must be the marks of a card (an object)'
);

/** The marks of a card that has none. */
export function unmarked(item: string): CardMark {
	return { item, ...NO_MARKS, updatedAt: 0 };
}

/** A card's marks after a change made at `now`; the note is trimmed. */
export function changedMark(mark: CardMark, change: Partial<CardMarks>, now: number): CardMark {
	const next = { ...mark, ...change, updatedAt: now };
	return { ...next, note: next.note.trim() };
}

/** The ids of the suspended cards among these marks. */
export function suspendedIds(marks: Iterable<CardMark>): Set<string> {
	const ids = new Set<string>();
	for (const mark of marks) if (mark.suspended) ids.add(mark.item);
	return ids;
}

/** The decks without their suspended cards (the same decks when none is suspended). */
export function withoutSuspended<D extends { items: readonly { id: string }[] }>(
	decks: readonly D[],
	suspended: ReadonlySet<string>
): D[] {
	if (suspended.size === 0) return [...decks];
	return decks.map((deck) => ({
		...deck,
		items: deck.items.filter((item) => !suspended.has(item.id))
	}));
}

/** The learner's notes on cards, by item id (only the cards that have one). */
export function notesOf(marks: Iterable<CardMark>): Map<string, string> {
	const notes = new Map<string, string>();
	for (const mark of marks) if (mark.note) notes.set(mark.item, mark.note);
	return notes;
}

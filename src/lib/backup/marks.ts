import * as v from 'valibot';
import { CardMarkSchema, type CardMark } from '$lib/marks/marks';
import { neutralizeMarkup } from '$lib/markup';
import { newerByKey } from './merge';

// What the learner marked on cards (suspended, flagged, a note) in a backup: theirs on every
// device, so an import merges them, the newer marks of a card winning, and never drops the
// device's others.

/** The most marked cards a backup may hold: every card of far more decks than anyone studies. */
export const MAX_MARKS = 250_000;

/** The marks section of a backup: absent in files made before marks were kept. */
export const MarksSchema = v.pipe(
	v.array(CardMarkSchema, 'must be a list of the marks of cards'),
	v.maxLength(MAX_MARKS, `must hold at most ${MAX_MARKS.toLocaleString('en-GB')} cards' marks`),
	v.check(
		(marks) => new Set(marks.map((mark) => mark.item)).size === marks.length,
		'holds two marks of one card'
	)
);

/** The marks stored on this device as a backup holds them: notes without markup. */
export function marksForBackup(marks: Iterable<CardMark>): CardMark[] {
	return [...marks]
		.map((mark) => ({ ...mark, note: neutralizeMarkup(mark.note) }))
		.sort((a, b) => a.item.localeCompare(b.item));
}

/**
 * The file's marks to store: of cards this device has none for, or newer than its own (a tie
 * keeps the device's); the device's other marks stay.
 */
export function marksToStore(
	device: readonly Pick<CardMark, 'item' | 'updatedAt'>[],
	file: readonly CardMark[]
): CardMark[] {
	return newerByKey(
		new Map(device.map((mark) => [mark.item, mark.updatedAt])),
		file,
		(mark) => mark.item,
		(mark) => mark.updatedAt
	).taken;
}

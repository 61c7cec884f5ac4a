import type { CardMark } from '$lib/marks/marks';
import { neutralizeMarkup } from '$lib/markup';
import type { StudyDatabase } from './db';
import { markOf } from './marks';
import { editsToSend, storeNewestEdits, type Edit } from './sync-edits';

// What sync reads from and writes to the marks of cards (see sync-edits.ts): one record per
// card, the newest edit of a card's marks winning on every device.

/**
 * The cards' marks edited after the reading `after` (null: all of them), oldest edit first;
 * those stored before edits were stamped among them (see editsToSend). A record that does not
 * read back well stays here (see loadMarks).
 */
export function markEditsToSend(
	db: StudyDatabase,
	after: string | null
): Promise<Edit<CardMark>[]> {
	return editsToSend(db, 'marks', after, (record) => {
		const mark = markOf(record);
		// As in a backup: a note typed with a tag in it is sent with a look-alike character, as
		// every device refuses markup in what it receives.
		return mark && { ...mark, note: neutralizeMarkup(mark.note) };
	});
}

/**
 * Stores marks edited on other devices where their edit is newer than the one here; refuses
 * those stamped over an hour ahead of `now` (see storeNewestEdits).
 * @param edits checked (see parseBody)
 * @returns how many were stored, and how many were refused for their clock
 */
export function storeMarkEdits(
	db: StudyDatabase,
	edits: readonly Edit<CardMark>[],
	now: number
): Promise<{ stored: number; skewed: number }> {
	return storeNewestEdits(db, 'marks', edits, (mark) => mark.item, now);
}

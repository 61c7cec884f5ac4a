import { asOwnDeck, ownDecksForBackup, type BackupOwnDeck } from '$lib/backup/own-decks';
import type { StoredDeck, StudyDatabase } from './db';
import { settleDeckCards } from './decks';
import { editsToSend, storeNewestEdits, type Edit } from './sync-edits';
import { write } from './transaction';

// What sync reads from and writes to the learner's own decks (see sync-edits.ts): one record per
// deck, the newest edit of a deck winning whole on every device. A deck syncs as a backup holds
// it (own notes as base64, every other text's markup neutralized), and one received is stored as
// an import of a backup stores it, its cards retired or brought back by the items it has.

/**
 * The own decks edited after the reading `after` (null: all of them), oldest edit first; those
 * stored before edits were stamped among them (see editsToSend). The site's decks never sync.
 */
export function ownDeckEditsToSend(
	db: StudyDatabase,
	after: string | null
): Promise<Edit<BackupOwnDeck>[]> {
	// As a backup holds it, without the reading (which goes beside it), and only an own deck.
	const asSent = ({ hlc: _hlc, ...deck }: StoredDeck) => ownDecksForBackup([deck])[0] ?? null;
	return editsToSend(db, 'decks', after, (record) => asSent(record as StoredDeck));
}

/**
 * Stores own decks edited on other devices where their edit is newer than the one here, each as
 * an import stores it (see importProgress): its notes as text again, `own` whole (edited cards'
 * aliases with it), and the deck's cards here retired where it lost their items and brought back
 * where it has them again. Refuses those stamped over an hour ahead of `now` (see
 * storeNewestEdits).
 * @param edits checked (see parseBody)
 * @returns how many were stored, and how many were refused for their clock
 */
export function storeOwnDeckEdits(
	db: StudyDatabase,
	edits: readonly Edit<BackupOwnDeck>[],
	now: number
): Promise<{ stored: number; skewed: number }> {
	return storeNewestEdits(
		db,
		'decks',
		edits,
		(deck) => deck.id,
		now,
		async (tx, { record, hlc }) => {
			const deck = asOwnDeck(record);
			write(tx.objectStore('decks').put({ ...deck, fetchedAt: deck.own.updatedAt, hlc }));
			await settleDeckCards(tx.objectStore('cards'), deck);
		}
	);
}

import type { StudyDatabase } from '$lib/storage/db';
import { deleteOwnDeck, loadDecks } from '$lib/storage/decks';
import { loadSyncProgress, markEditsSent } from '$lib/storage/sync-records';
import { hlcOf, SYNC_KINDS, type SyncBody, type SyncKind } from './bodies';
import { hiddenId, type SyncKeys } from './crypto';
import { openDoc, sealBody } from './documents';
import { ClockSkewError, SyncDocError, outboxRefused } from './errors';
import { compareHlc, tooFarAhead, type Hlc } from './hlc';
import { KIND_OF, PER_KEY, type PerKeyKind } from './per-key-kinds';
import type { Change, SyncDatabase } from './pouch';

// Per-key records (settings, marks, own answers and own decks) have one document per key, which
// every device edits: the newest edit by the hybrid logical clock wins. Two devices that edit a
// key offline both update its document, and CouchDB keeps both as leaves of a conflict; whichever
// device reads it first keeps the newest leaf and deletes the others, and the server converges
// once that is replicated. Each kind says only how its edits are read from and stored on this
// device (see per-key-kinds.ts). An own deck deleted on a device has its document deleted (see
// the engine's removals); a deletion has no clock reading, so an edit of the deck made offline
// elsewhere outlives it (CouchDB's winning leaf is one not deleted), and the deck comes back.

/** A leaf of a document as read from the local database. */
interface Leaf {
	_id: string;
	_rev: string;
	_conflicts?: string[];
}

/**
 * Seals every edit of a per-key record not yet sent into the local database, as an update of its
 * key's document; where that document holds this edit or a newer one already (received from
 * another device), it is left as it is. An edit other devices would refuse (an own deck too large
 * for one document, say) is not sealed, and says why: it is passed over like a sent one, so that
 * it does not stop every run, and goes with the record's next edit.
 * @param batch how many edits are sealed and written at a time
 * @returns how many documents were written, and why edits were not sent
 */
export async function sealEdits(
	db: StudyDatabase,
	local: SyncDatabase,
	keys: SyncKeys,
	batch: number
): Promise<{ written: number; notSent: string[] }> {
	const progress = await loadSyncProgress(db);
	let written = 0;
	const notSent: string[] = [];
	for (const { kind, toSend } of PER_KEY) {
		const bodies = await toSend(db, progress.editsSent?.[kind] ?? null);
		for (let start = 0; start < bodies.length; start += batch) {
			const some = bodies.slice(start, start + batch);
			written += await sealBatch(local, keys, some, notSent);
			await markEditsSent(db, kind, readingOf(some.at(-1) as SyncBody));
		}
	}
	return { written, notSent };
}

async function sealBatch(
	local: SyncDatabase,
	keys: SyncKeys,
	all: readonly SyncBody[],
	notSent: string[]
): Promise<number> {
	const sealed = await Promise.all(
		all.map((body) =>
			sealBody(keys, body).then(
				(doc) => ({ body, doc }),
				(error: unknown) => {
					if (!(error instanceof SyncDocError)) throw error;
					notSent.push(notSentReason(body, error));
					return null;
				}
			)
		)
	);
	const bodies = sealed.flatMap((one) => (one ? [one.body] : []));
	const docs = sealed.flatMap((one) => (one ? [one.doc] : []));
	const found = await local.allDocs({ keys: docs.map((doc) => doc._id), include_docs: true });
	const writes: object[] = [];
	for (const [i, doc] of docs.entries()) {
		const row = found.rows[i];
		if (row && 'value' in row && !row.value.deleted) {
			if (await holdsAsNew(keys, row.doc, bodies[i] as SyncBody)) continue;
			writes.push({ ...doc, _rev: row.value.rev });
		} else {
			// Absent, or deleted: PouchDB writes a new revision after a deleted one without its rev.
			writes.push(doc);
		}
	}
	if (writes.length === 0) return 0;
	for (const result of await local.bulkDocs(writes)) {
		if ('error' in result) {
			throw outboxRefused(result);
		}
	}
	return writes.length;
}

/** Why an edit made here was not sent, in words a person can act on. */
function notSentReason(body: SyncBody, error: SyncDocError): string {
	const { label, maxCharacters } = SYNC_KINDS[body.kind];
	if (body.kind === 'ownDeck') {
		const size = new TextEncoder().encode(JSON.stringify(body)).length;
		if (size > maxCharacters || /too large|larger than/.test(error.message)) {
			const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
			return `Your deck “${body.deck.title}” was not synced: it takes ${mb(size)}, more than the ${mb(maxCharacters)} one synced deck can hold. It stays on this device and in its backups; split it into smaller decks to sync it.`;
		}
	}
	return `A ${label} edited on this device was not synced, as other devices would refuse it: ${error.message} It stays on this device; editing it again sends it again.`;
}

/** Whether a document holds an edit as new as `body`'s (one that does not open holds none). */
async function holdsAsNew(keys: SyncKeys, doc: unknown, body: SyncBody): Promise<boolean> {
	try {
		const here = hlcOf((await openDoc(keys, sealedOf(doc))).body);
		return here !== null && compareHlc(here, hlcOf(body) as Hlc) >= 0;
	} catch (error) {
		if (error instanceof SyncDocError) return false;
		throw error;
	}
}

/** Whether a document's id is of a per-key kind (readEdits reads it). */
export function isEditId(id: string): boolean {
	return KIND_OF.has(id.slice(0, id.indexOf(':')));
}

/**
 * Reads the per-key documents among `changes` (read with `conflicts`): each document's leaves
 * are opened, the newest edit is kept (a conflict is resolved in the local database, so that the
 * server converges once it is replicated) and stored here where it is newer than the edit here.
 * A leaf that does not open, or an edit stamped more than an hour ahead of `now`, is refused,
 * and nothing of it is stored; a leaf that does not open is deleted only when another one wins.
 * @returns how many records were stored here, of which kinds, and why documents were refused
 */
export async function readEdits(
	db: StudyDatabase,
	local: SyncDatabase,
	keys: SyncKeys,
	changes: readonly Change[],
	now: number
): Promise<{ received: number; kinds: Set<SyncKind>; refused: string[] }> {
	const refused: string[] = [];
	const newest = new Map<PerKeyKind, SyncBody[]>();
	const deletedDecks = new Set<string>();
	for (const change of changes) {
		const kind = KIND_OF.get(change.id.slice(0, change.id.indexOf(':')));
		// Only an own deck's document is deleted as a whole (the deck was deleted); of the others,
		// only losing leaves are.
		if (kind?.kind === 'ownDeck' && change.deleted) deletedDecks.add(change.id);
		if (!kind || change.deleted || !change.doc) continue;
		const body = await resolve(local, keys, change.doc as Leaf, now, refused);
		if (body) newest.set(kind, [...(newest.get(kind) ?? []), body]);
	}
	let received = await deleteDecks(db, keys, deletedDecks, now);
	const kinds = new Set<SyncKind>(received > 0 ? ['ownDeck'] : []);
	for (const [kind, bodies] of newest) {
		const { stored, skewed } = await kind.store(db, bodies, now);
		received += stored;
		if (stored > 0) kinds.add(kind.kind);
		for (let i = 0; i < skewed; i++) refused.push(new ClockSkewError().message);
	}
	return { received, kinds, refused };
}

/**
 * Deletes the own decks here whose documents were deleted (see deleteOwnDeck), found by their
 * hidden ids; a deck deleted here already, or never here, has nothing to delete.
 * @returns how many were deleted
 */
async function deleteDecks(
	db: StudyDatabase,
	keys: SyncKeys,
	ids: ReadonlySet<string>,
	now: number
): Promise<number> {
	if (ids.size === 0) return 0;
	let deleted = 0;
	// A run receives before it sends: an edit of the deck here not sent yet is newer than the
	// deletion, and is sent after this, bringing the deck back everywhere.
	const sent = (await loadSyncProgress(db)).editsSent?.ownDeck ?? null;
	for (const deck of await loadDecks(db)) {
		if (!deck.own || !ids.has(await hiddenId(keys, SYNC_KINDS.ownDeck.prefix, deck.id))) continue;
		if (deck.hlc !== undefined && (sent === null || deck.hlc > sent)) continue;
		await deleteOwnDeck(db, deck.id, now);
		deleted++;
	}
	return deleted;
}

/** A document without what PouchDB adds to it when asked (`_conflicts`), as it was sealed. */
export function sealedOf(doc: unknown): unknown {
	if (typeof doc !== 'object' || doc === null || !('_conflicts' in doc)) return doc;
	const copy = { ...doc } as Partial<Leaf>;
	delete copy._conflicts;
	return copy;
}

/**
 * The newest edit among a document's leaves, or null when none opens; when it has several, the
 * others are deleted, unless the newest is too far ahead to be taken here (another device, or
 * this one later, resolves it then).
 */
async function resolve(
	local: SyncDatabase,
	keys: SyncKeys,
	doc: Leaf,
	now: number,
	refused: string[]
): Promise<SyncBody | null> {
	const others = await Promise.all(
		(doc._conflicts ?? []).map((rev) => local.get(doc._id, { rev }) as Promise<Leaf>)
	);
	const leaves = [doc, ...others];
	let winner: { rev: string; body: SyncBody; hlc: Hlc } | null = null;
	for (const leaf of leaves) {
		try {
			const { body } = await openDoc(keys, sealedOf(leaf));
			const hlc = hlcOf(body) as Hlc;
			// Equal readings (one edit written twice): the greater revision, as on every device.
			const order = winner ? compareHlc(hlc, winner.hlc) || (leaf._rev > winner.rev ? 1 : -1) : 1;
			if (order > 0) winner = { rev: leaf._rev, body, hlc };
		} catch (error) {
			if (!(error instanceof SyncDocError)) throw error;
			refused.push(error.message);
		}
	}
	if (winner === null) return null;
	if (leaves.length > 1 && !tooFarAhead(winner.hlc, now)) {
		const losers = leaves
			.filter((leaf) => leaf._rev !== winner.rev)
			.map((leaf) => ({ _id: doc._id, _rev: leaf._rev, _deleted: true }));
		for (const result of await local.bulkDocs(losers)) {
			// 409: the leaf changed since it was read; the change brings the document back here.
			if ('error' in result && result.status !== 409) {
				throw outboxRefused(result);
			}
		}
	}
	return winner.body;
}

function readingOf(body: SyncBody): string {
	return (body as { hlc: string }).hlc;
}

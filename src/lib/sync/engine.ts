import {
	HISTORY_STORES,
	type HistoryStore,
	type StoredDeck,
	type StudyDatabase
} from '$lib/storage/db';
import { loadDecks } from '$lib/storage/decks';
import { forgetRemovals, loadRemovals } from '$lib/storage/removals';
import { liveItems, type LiveItems } from '$lib/storage/retire';
import {
	historyToSend,
	knownUids,
	loadSyncProgress,
	markConfirmed,
	markSent,
	storeReceived,
	type HistoryEntry,
	type HistoryRecord
} from '$lib/storage/sync-records';
import { replayCard } from '$lib/srs/scheduler';
import { SYNC_KINDS, type SyncBody } from './bodies';
import { hiddenId, type SyncKeys } from './crypto';
import { openDoc, sealBody } from './documents';
import { SyncDocError, outboxRefused } from './errors';
import { readEdits, sealEdits, sealedOf } from './per-key';
import type { SyncDatabase } from './pouch';

// One run of sync. This device's records of history, and its edits of per-key records (settings,
// marks, own answers and own decks, see per-key.ts), are sealed into the local PouchDB (the outbox and inbox, encrypted
// as the server keeps them), PouchDB's replicator exchanges them with the server from its
// checkpoints, and what arrived is opened, checked and stored here, with the state of every card
// it touches replayed from all its answers. The replication algorithm is
// PouchDB's; this module only decides what goes in and what comes out.

/** How many documents are sealed, replicated or stored at a time. */
export const BATCH = 500;

/** The id prefix of each history store's documents, as the kinds' table gives it. */
const PREFIX: Record<HistoryStore, string> = {
	reviews: SYNC_KINDS.review.prefix,
	quizAttempts: SYNC_KINDS.quizAttempt.prefix,
	interviewAnswers: SYNC_KINDS.interviewAnswer.prefix
};

const STORE_OF: Record<string, HistoryStore> = Object.fromEntries(
	Object.entries(PREFIX).map(([store, prefix]) => [prefix, store as HistoryStore])
);

/** What one run did. */
export interface SyncReport {
	/** Records of this device sealed for the server (answers, quizzes, interview answers). */
	sent: number;
	/** Removals (undo, reset) sent. */
	removalsSent: number;
	/** Edits of settings, cards' marks, own answers and own decks made here and sealed. */
	editsSent: number;
	/** Why edits made here were not sent (an own deck too large to sync, say), in words. */
	notSent: string[];
	/** Records from other devices stored here. */
	received: number;
	/** Per-key records edited on other devices stored here (newer than the edit here). */
	editsReceived: number;
	/** Whether own decks edited on other devices were stored here (the decks are read again). */
	decksReceived: boolean;
	/** Records removed here because another device removed them. */
	removed: number;
	/** Why documents from the server were refused (each refused document once, in words). */
	refused: string[];
}

/** The two PouchDB databases a run works with. */
export interface SyncEndpoints {
	/** On this device: sealed documents, and the replicator's checkpoints. */
	local: SyncDatabase;
	/** The learner's database on the sync server. */
	remote: SyncDatabase;
}

/**
 * Runs sync once: sends what this device has not sent, exchanges documents with the server, and
 * stores what other devices sent. Safe to stop at any point (a dropped connection, a closed tab):
 * each step records where it got to only once its work is stored, so the next run goes on from
 * there without losing or doubling anything.
 * @param live the items of the decks on this device (a card of another is stored retired)
 * @param now this device's time (epoch ms): an edit stamped over an hour after it is refused
 * @throws whatever the replicator or storage throws; what was stored before stays
 */
export async function syncOnce(
	db: StudyDatabase,
	{ local, remote }: SyncEndpoints,
	keys: SyncKeys,
	live: LiveItems,
	now = Date.now()
): Promise<SyncReport> {
	const report: SyncReport = {
		sent: 0,
		removalsSent: 0,
		editsSent: 0,
		notSent: [],
		received: 0,
		editsReceived: 0,
		decksReceived: false,
		removed: 0,
		refused: []
	};
	// What the server holds comes first, so that nothing it has is sealed again as new (a device
	// signed in afresh, or its sealed copies lost, would otherwise make a second revision of each).
	await local.replicate.from(remote, { batch_size: BATCH });
	await readInbox(db, local, keys, live, now, report);
	const edits = await sealEdits(db, local, keys, BATCH);
	report.editsSent = edits.written;
	report.notSent = edits.notSent;
	report.sent = await sealHistory(db, local, keys);
	report.removalsSent = await sealRemovals(db, local, keys);
	const { sent } = await loadSyncProgress(db);
	await local.replicate.to(remote, { batch_size: BATCH });
	// Only now does the server hold what was sealed: what waits to be sent counts from here.
	await markConfirmed(db, sent);
	return report;
}

/** Seals every record of history not yet sent into the local database. */
async function sealHistory(
	db: StudyDatabase,
	local: SyncDatabase,
	keys: SyncKeys
): Promise<number> {
	let sent = 0;
	const progress = await loadSyncProgress(db);
	for (const store of HISTORY_STORES) {
		let after = progress.sent[store];
		for (;;) {
			const { records, last } = await historyToSend(db, store, after, BATCH);
			if (records.length === 0) break;
			// A record whose document is here already (received, or sent before), or was deleted
			// (removed on another device), is not sealed again: that would make it a second revision.
			const ids = records.map((record) => `${PREFIX[store]}:${record.uid as string}`);
			const here = await local.allDocs({ keys: ids });
			const fresh = records.filter((_record, i) => !('value' in (here.rows[i] ?? {})));
			const docs = await Promise.all(fresh.map((record) => sealBody(keys, bodyOf(store, record))));
			for (const result of docs.length > 0 ? await local.bulkDocs(docs) : []) {
				// A conflict is a document written meanwhile by another tab's run.
				if ('error' in result && result.status !== 409) {
					throw outboxRefused(result);
				}
			}
			await markSent(db, store, last);
			sent += docs.length;
			after = last;
		}
	}
	return sent;
}

/** A record of history as the body of its document: without the key it has on this device. */
function bodyOf(store: HistoryStore, stored: HistoryRecord): SyncBody {
	const record = { ...stored };
	delete record.id;
	if (store === 'reviews') return { kind: 'review', review: record } as SyncBody;
	if (store === 'quizAttempts') return { kind: 'quizAttempt', attempt: record } as SyncBody;
	return { kind: 'interviewAnswer', answer: record } as SyncBody;
}

/** Marks the documents of records (and own decks) removed here as deleted in the local database. */
async function sealRemovals(
	db: StudyDatabase,
	local: SyncDatabase,
	keys: SyncKeys
): Promise<number> {
	const removals = await loadRemovals(db);
	if (removals.length === 0) return 0;
	const ids = await Promise.all(
		removals.map(async ({ store, uid }) =>
			store === 'decks' ? hiddenId(keys, SYNC_KINDS.ownDeck.prefix, uid) : `${PREFIX[store]}:${uid}`
		)
	);
	const found = await local.allDocs({ keys: ids });
	const deletions: object[] = [];
	for (const row of found.rows) {
		if (!('value' in row) || row.value.deleted) continue;
		// Every leaf goes: a document sealed twice (before this device checked) has two.
		const doc = (await local.get(row.id, { conflicts: true })) as { _conflicts?: string[] };
		for (const rev of [row.value.rev, ...(doc._conflicts ?? [])]) {
			deletions.push({ _id: row.id, _rev: rev, _deleted: true });
		}
	}
	if (deletions.length > 0) await local.bulkDocs(deletions);
	// A removal whose document never reached the local database has nothing to remove there.
	await forgetRemovals(
		db,
		removals.map((removal) => removal.key)
	);
	return new Set(deletions.map((deletion) => (deletion as { _id: string })._id)).size;
}

/** The items of the decks on this device, the own decks' as stored now. */
function withOwnDecks(live: LiveItems, decks: readonly StoredDeck[]): LiveItems {
	const own = decks.filter((deck) => deck.own);
	return new Map([...live, ...liveItems(own)]);
}

/** Stores what arrived in the local database since it was last read. */
async function readInbox(
	db: StudyDatabase,
	local: SyncDatabase,
	keys: SyncKeys,
	live: LiveItems,
	now: number,
	report: SyncReport
): Promise<void> {
	let since = (await loadSyncProgress(db)).readSeq;
	for (;;) {
		const changes = await local.changes({
			since,
			limit: BATCH,
			include_docs: true,
			conflicts: true
		});
		if (changes.results.length === 0) break;
		// Stored before the inbox position moves past them (storing an edit again changes nothing).
		const edits = await readEdits(db, local, keys, changes.results, now);
		report.editsReceived += edits.received;
		report.refused.push(...edits.refused);
		if (edits.kinds.has('ownDeck')) {
			// A deck that arrived makes its cards studied here, answers that arrive with it included.
			report.decksReceived = true;
			live = withOwnDecks(live, await loadDecks(db));
		}
		const add: HistoryEntry[] = [];
		const remove: { store: HistoryStore; uid: string }[] = [];
		const candidates = changes.results.flatMap((change) => {
			const store = STORE_OF[change.id.slice(0, change.id.indexOf(':'))];
			return store ? [{ change, store, uid: change.id.slice(2) }] : [];
		});
		const known = await knownByStore(db, candidates);
		for (const { change, store, uid } of candidates) {
			if (change.deleted) {
				remove.push({ store, uid });
				continue;
			}
			// This device's own documents, and those stored by an earlier run, are not opened again.
			if (known[store].has(uid)) continue;
			try {
				add.push(entryOf(await openDoc(keys, sealedOf(change.doc))));
			} catch (error) {
				if (!(error instanceof SyncDocError)) throw error;
				report.refused.push(error.message);
			}
		}
		const stored = await storeReceived(
			db,
			{ add, remove, readSeq: changes.last_seq },
			replayCard,
			live
		);
		report.received += stored.added;
		report.removed += stored.removed;
		since = changes.last_seq;
	}
}

async function knownByStore(
	db: StudyDatabase,
	candidates: readonly { store: HistoryStore; uid: string }[]
): Promise<Record<HistoryStore, Set<string>>> {
	const [reviews, quizAttempts, interviewAnswers] = await Promise.all(
		HISTORY_STORES.map((store) =>
			knownUids(
				db,
				store,
				candidates
					.filter((candidate) => candidate.store === store)
					.map((candidate) => candidate.uid)
			)
		)
	);
	return {
		reviews: reviews as Set<string>,
		quizAttempts: quizAttempts as Set<string>,
		interviewAnswers: interviewAnswers as Set<string>
	};
}

/** A checked body of history as the record to store. */
function entryOf({ body }: { body: SyncBody }): HistoryEntry {
	switch (body.kind) {
		case 'review':
			return { store: 'reviews', record: body.review };
		case 'quizAttempt':
			return { store: 'quizAttempts', record: body.attempt };
		case 'interviewAnswer':
			return { store: 'interviewAnswers', record: body.answer };
		default:
			throw new SyncDocError('A synced per-key record cannot be stored as history.');
	}
}

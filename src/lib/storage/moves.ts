import { deckOf, factOf } from '$lib/content/ids';
import type { CardState, Review, ScheduledReview } from '$lib/srs/types';
import type { StudyDatabase } from './db';
import { toStorageError } from './errors';
import { uniqueKeys } from './keys';
import { followUpKey, questionOfKey } from './recordings';
import { inTransaction, write } from './transaction';

/** Rebuilds a card from its answers (the review log): the card's state and the answers as replayed. */
export type Replay = (
	identity: Pick<CardState, 'id' | 'deck' | 'retired' | 'requested'>,
	reviews: readonly Review[]
) => { state: CardState | null; reviews: ScheduledReview[] };

/** A store of the candidate's own records, one per key (an item id, or a follow-up's key). */
interface KeptByKey<T extends { item: string }> {
	get(key: string): Promise<T | undefined>;
	put(value: T): Promise<unknown>;
	delete(key: string): Promise<unknown>;
}

/** A time read from a stored record: one that is not a number (a damaged record) is the oldest. */
function timeOf(at: unknown): number {
	return typeof at === 'number' && Number.isFinite(at) ? at : -Infinity;
}

/**
 * Files the record kept under `from` under `to` instead; where `to` has one too, the newer stays
 * (a tie keeps the one already there). Runs inside the caller's transaction.
 * @returns whether there was a record to move
 */
async function moveKept<T extends { item: string }>(
	store: KeptByKey<T>,
	from: string,
	to: string,
	at: (record: T) => unknown
): Promise<boolean> {
	const old = await store.get(from);
	if (old === undefined) return false;
	const there = await store.get(to);
	if (!there || timeOf(at(old)) > timeOf(at(there))) write(store.put({ ...old, item: to }));
	write(store.delete(from));
	return true;
}

/**
 * Moves the history of items that now live under another id, in one transaction: their answers
 * (and interview answers) are filed under the new id, and the new card's state is rebuilt from all
 * of its answers, old and new, in time order. The candidate's own answer and recordings (the
 * question's and its follow-up's) move with them; where the new id has one too, the newer stays.
 * Nothing else is lost: a move onto a card with its own history merges the two.
 * @param moves old item id → new item id (see resolveMoves)
 * @returns how many items' histories moved
 */
export async function moveProgress(
	db: StudyDatabase,
	moves: ReadonlyMap<string, string>,
	replay: Replay
): Promise<number> {
	if (moves.size === 0) return 0;
	const tx = db.transaction(
		['cards', 'reviews', 'interviewAnswers', 'myAnswers', 'recordings', 'marks'],
		'readwrite'
	);
	return inTransaction(tx, async () => {
		const cards = tx.objectStore('cards');
		const reviews = tx.objectStore('reviews');
		const interviews = tx.objectStore('interviewAnswers');
		const mine = tx.objectStore('myAnswers');
		const voice = tx.objectStore('recordings');
		const marks = tx.objectStore('marks');
		let moved = 0;
		/** Each new id, with the old state carried to it (a card asked for but never answered). */
		const touched = new Map<string, { requested: number | null; carried?: CardState }>();
		for (const [from, to] of moves) {
			const deck = deckOf(to);
			const old = await cards.get(from);
			const given = await reviews.index('by-card').getAll(from);
			const answers = await interviews.index('by-item').getAll(from);
			const own = [
				await moveKept(mine, from, to, (answer) => answer.updatedAt),
				await moveKept(voice, from, to, (recording) => recording.recordedAt),
				await moveKept(
					voice,
					followUpKey(from),
					followUpKey(to),
					(recording) => recording.recordedAt
				),
				// What the learner set on the card (suspended, flagged, a note) goes with it.
				await moveKept(marks, from, to, (mark) => mark.updatedAt)
			].some(Boolean);
			const studied = old !== undefined || given.length > 0 || answers.length > 0;
			if (own || studied) moved += 1;
			if (!studied) continue;
			for (const review of given) write(reviews.put({ ...review, card: to, deck }));
			for (const answer of answers) write(interviews.put({ ...answer, item: to, deck }));
			if (old) write(cards.delete(from));
			const before = touched.get(to);
			touched.set(to, {
				requested: maxOf(before?.requested ?? null, old?.requested ?? null),
				carried: old ? { ...old, id: to, deck, fact: factOf(to), retired: false } : before?.carried
			});
		}
		for (const [id, identity] of touched) {
			const current = await cards.get(id);
			const all = await reviews.index('by-card').getAll(id);
			const requested = maxOf(identity.requested, current?.requested ?? null);
			const deck = deckOf(id);
			const rebuilt = replay({ id, deck, retired: false, requested }, all);
			for (const review of rebuilt.reviews) write(reviews.put(review));
			const unanswered = current ?? identity.carried;
			if (rebuilt.state) write(cards.put(rebuilt.state));
			else if (unanswered) write(cards.put({ ...unanswered, requested }));
		}
		return moved;
	});
}

function maxOf(a: number | null, b: number | null): number | null {
	if (a === null) return b;
	if (b === null) return a;
	return Math.max(a, b);
}

/**
 * Every item id this device holds history for: card states, answers, the candidate's own answers
 * and recordings (a follow-up's counted as its question's), and marks, each id once.
 */
export async function itemIdsWithHistory(db: StudyDatabase): Promise<Set<string>> {
	const keys = (store: 'cards' | 'myAnswers' | 'recordings' | 'marks') =>
		db.getAllKeys(store).catch((error: unknown) => {
			throw toStorageError(error);
		});
	const [cards, answered, mine, voice, marked] = await Promise.all([
		keys('cards'),
		uniqueKeys(db, { store: 'reviews', index: 'by-card' }),
		keys('myAnswers'),
		keys('recordings'),
		keys('marks')
	]);
	return new Set([...cards, ...answered, ...mine, ...voice.map(questionOfKey), ...marked]);
}

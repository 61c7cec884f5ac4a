import type { Deck } from '$lib/content/types';

/** The kinds an item id may end with; what comes before is the fact. */
const KIND = /\/(basic|reverse|cloze|mcq|mcq-entity|truefalse|order|match|interview)$/;

/**
 * Where the history of items that moved now belongs: every `moved` entry of the decks, resolved
 * to an item that exists. An entry maps an item id to an item id, or a fact to a fact (each item
 * of the old fact goes to the item of the same kind in the new one). Chains (a → b → c) are
 * followed; a target that names no live item is dropped, so history never goes nowhere.
 * @returns old item id → new item id, for the old item ids of `candidates`
 */
export function resolveMoves(
	decks: readonly Pick<Deck, 'items' | 'moved'>[],
	candidates: Iterable<string>
): Map<string, string> {
	const moved = new Map<string, string>();
	for (const deck of decks)
		for (const [from, to] of Object.entries(deck.moved ?? {})) moved.set(from, to);
	const live = new Set(decks.flatMap((deck) => deck.items.map((item) => item.id)));
	const step = (id: string): string | undefined => {
		const exact = moved.get(id);
		if (exact !== undefined) return exact;
		const kind = KIND.exec(id);
		if (!kind) return undefined;
		const fact = moved.get(id.slice(0, kind.index));
		return fact === undefined ? undefined : `${fact}${kind[0]}`;
	};
	const result = new Map<string, string>();
	for (const id of candidates) {
		if (live.has(id)) continue;
		let target = id;
		for (let hops = 0; hops < 10; hops++) {
			const next = step(target);
			if (next === undefined) break;
			target = next;
			if (live.has(target)) break;
		}
		if (target !== id && live.has(target)) result.set(id, target);
	}
	return result;
}

import { ContentError, type ContentIssue } from './errors';
import { generateItems } from './generate';
import { hashString } from './hash';
import { OWN_PREFIX } from './ids';
import { parseNotes, type NotesFile, type ParsedNotes } from './markdown';
import { readStructures, type Structure } from './structures';
import { ITEM_KINDS, type Deck, type DeckIndex, type DeckSummary, type ItemKind } from './types';

/** The URL a deck is published at. */
export function deckUrl(id: string): string {
	return `/decks/${id}.json`;
}

/**
 * Builds one deck from one notes file.
 * @param options.own the notes are the learner's own (written in the app): the frontmatter needs
 *   only `deck` and `title`, the deck's id is `own-` and that `deck`, and it is published nowhere
 * @returns the deck with its parsed notes, or every problem found in the file
 */
export function buildDeck(
	input: NotesFile,
	options: { own?: boolean } = {}
):
	| { deck: Deck; notes: ParsedNotes; structures: Structure[]; issues: [] }
	| { deck?: undefined; issues: ContentIssue[] } {
	const parsed = parseNotes(input, options);
	if (!parsed.notes) return { issues: parsed.issues };
	const notes = options.own
		? { ...parsed.notes, meta: { ...parsed.notes.meta, deck: OWN_PREFIX + parsed.notes.meta.deck } }
		: parsed.notes;
	const { topics, structures, issues: structureIssues } = readStructures(notes);
	const { items, issues: itemIssues } = generateItems(notes.meta.deck, input.file, structures);
	const issues = [...structureIssues, ...itemIssues].sort((a, b) => a.line - b.line);
	if (issues.length > 0) return { issues };
	const counts = countKinds(items);
	const summary = {
		id: notes.meta.deck,
		title: notes.meta.title,
		description: notes.meta.description,
		order: notes.meta.order,
		url: options.own ? '' : deckUrl(notes.meta.deck),
		counts,
		topics: topics.map(({ id, title }) => ({ id, title }))
	};
	const moved = notes.meta.moved;
	const hash = hashString(JSON.stringify({ summary, items, moved }));
	const deck: Deck = { ...summary, hash, items, ...(moved ? { moved } : {}) };
	return { deck, notes, structures, issues: [] };
}

/** How many items of each kind there are, every kind listed. */
export function countKinds(items: readonly { kind: ItemKind }[]): Record<ItemKind, number> {
	const counts = Object.fromEntries(ITEM_KINDS.map((kind) => [kind, 0])) as Record<
		ItemKind,
		number
	>;
	for (const item of items) counts[item.kind] += 1;
	return counts;
}

/** A built collection of decks: published decks and the notes they came from, in deck order. */
export interface Library {
	decks: Deck[];
	notes: Map<string, ParsedNotes>;
	/** What the generator read in each deck's notes, by deck id. */
	structures: Map<string, Structure[]>;
}

/**
 * Builds every deck from the notes files; `README.md` is documentation, not a deck.
 * @throws ContentError listing every problem in every file, when there is one
 */
export function buildLibrary(files: readonly NotesFile[]): Library {
	const issues: ContentIssue[] = [];
	const decks: Deck[] = [];
	const notes = new Map<string, ParsedNotes>();
	const structures = new Map<string, Structure[]>();
	const fileOfDeck = new Map<string, string>();
	const sorted = [...files].sort((a, b) => a.file.localeCompare(b.file));
	for (const file of sorted) {
		if (file.file.toLowerCase() === 'readme.md') continue;
		const result = buildDeck(file);
		if (!result.deck) {
			issues.push(...result.issues);
			continue;
		}
		const other = fileOfDeck.get(result.deck.id);
		if (other) {
			issues.push({
				file: file.file,
				line: 2,
				message: `duplicate deck id "${result.deck.id}" (also in ${other})`
			});
			continue;
		}
		fileOfDeck.set(result.deck.id, file.file);
		decks.push(result.deck);
		notes.set(result.deck.id, result.notes);
		structures.set(result.deck.id, result.structures);
	}
	issues.push(...movedIssues(decks, fileOfDeck));
	if (sorted.length > 0 && decks.length === 0 && issues.length === 0) {
		issues.push({
			file: sorted[0]?.file ?? 'README.md',
			line: 1,
			message: 'no decks: add a notes file'
		});
	}
	if (issues.length > 0) throw new ContentError(issues);
	decks.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
	return { decks, notes, structures };
}

/** The published index of decks: every deck without its items. */
export function deckIndex(decks: readonly Deck[]): DeckIndex {
	return {
		schema: 1,
		decks: decks.map(({ items: _items, ...summary }): DeckSummary => summary)
	};
}

/**
 * Checks each deck's `moved` map: an old id no longer names an item or fact, and a new id names
 * one (an item id, or the fact of items in any deck), so a learner's history has somewhere to go.
 */
function movedIssues(decks: readonly Deck[], fileOfDeck: Map<string, string>): ContentIssue[] {
	const ids = new Set(decks.flatMap((deck) => deck.items.flatMap((item) => [item.id, item.fact])));
	const built = new Set(decks.map((deck) => deck.id));
	const issues: ContentIssue[] = [];
	for (const deck of decks) {
		for (const [from, to] of Object.entries(deck.moved ?? {})) {
			const file = fileOfDeck.get(deck.id) ?? deck.id;
			if (ids.has(from)) {
				issues.push({ file, line: 1, message: `moved: "${from}" still exists, so nothing moved` });
			}
			// A target in a deck not built here (one file read on its own) is checked with the library.
			if (!ids.has(to) && built.has(to.slice(0, to.indexOf('/')))) {
				issues.push({ file, line: 1, message: `moved: "${to}" is no item or fact of any deck` });
			}
		}
	}
	return issues;
}

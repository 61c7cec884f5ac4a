import { ContentError, type ContentIssue } from './errors';
import { generateItems } from './generate';
import { hashString } from './hash';
import { parseNotes, type NotesFile, type ParsedNotes } from './markdown';
import { readStructures } from './structures';
import { ITEM_KINDS, type Deck, type DeckIndex, type DeckSummary, type ItemKind } from './types';

/** The URL a deck is published at. */
export function deckUrl(id: string): string {
	return `/decks/${id}.json`;
}

/**
 * Builds one deck from one notes file.
 * @returns the deck with its parsed notes, or every problem found in the file
 */
export function buildDeck(
	input: NotesFile
): { deck: Deck; notes: ParsedNotes; issues: [] } | { deck?: undefined; issues: ContentIssue[] } {
	const parsed = parseNotes(input);
	if (!parsed.notes) return { issues: parsed.issues };
	const { notes } = parsed;
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
		url: deckUrl(notes.meta.deck),
		counts,
		topics: topics.map(({ id, title }) => ({ id, title }))
	};
	const hash = hashString(JSON.stringify({ summary, items }));
	return { deck: { ...summary, hash, items }, notes, issues: [] };
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
}

/**
 * Builds every deck from the notes files; `README.md` is documentation, not a deck.
 * @throws ContentError listing every problem in every file, when there is one
 */
export function buildLibrary(files: readonly NotesFile[]): Library {
	const issues: ContentIssue[] = [];
	const decks: Deck[] = [];
	const notes = new Map<string, ParsedNotes>();
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
	}
	if (sorted.length > 0 && decks.length === 0 && issues.length === 0) {
		issues.push({
			file: sorted[0]?.file ?? 'README.md',
			line: 1,
			message: 'no decks: add a notes file'
		});
	}
	if (issues.length > 0) throw new ContentError(issues);
	decks.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
	return { decks, notes };
}

/** The published index of decks: every deck without its items. */
export function deckIndex(decks: readonly Deck[]): DeckIndex {
	return {
		schema: 1,
		decks: decks.map(({ items: _items, ...summary }): DeckSummary => summary)
	};
}

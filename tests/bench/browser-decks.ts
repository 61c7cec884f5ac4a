import { countKinds } from '../../src/lib/content/deck';
import type { CardItem, Deck, DeckIndex } from '../../src/lib/content/types';

/** Decks the synthetic library is split into, like a learner who added many decks. */
const DECKS = 10;
/** Topics per deck. */
const TOPICS = 20;

/** The kinds of a fact's cards: a basic card and its reverse are siblings; a cloze is its own fact. */
const PATTERN = ['basic', 'reverse', 'cloze'] as const;

function item(deck: string, topic: number, n: number): CardItem {
	const kind = PATTERN[n % PATTERN.length] ?? 'basic';
	const key = `fact-${kind === 'cloze' ? n : n - (n % PATTERN.length)}`;
	const topicId = `topic-${topic}`;
	const fact = `${deck}/${topicId}/${key}`;
	const base = {
		id: `${fact}/${kind}`,
		topic: topicId,
		fact,
		source: {
			file: `${deck}.md`,
			heading: `Heading ${topic} of ${deck}`,
			anchor: `heading-${topic}`,
			line: 10 + n
		}
	};
	// Texts about as long as the real decks' (a sentence on each side).
	if (kind === 'cloze') {
		return {
			...base,
			kind,
			text: `Fact ${n} of ${deck} says that a [\u2026] is what a technology leader weighs first.`,
			answer: `trade-off number ${n}`
		};
	}
	const front = `What does fact ${n} of topic ${topic} say a CTO should weigh first?`;
	const back = `The trade-off number ${n}, balanced against budget, people and the product roadmap.`;
	return {
		...base,
		kind,
		front: kind === 'basic' ? front : back,
		back: kind === 'basic' ? back : front
	};
}

function deckOf(index: number, items: number): Deck {
	const id = `bench-${index + 1}`;
	const cards = Array.from({ length: items }, (_, n) => item(id, n % TOPICS, n));
	return {
		id,
		title: `Synthetic deck ${index + 1}`,
		description: `${items} generated flashcards for the benchmarks.`,
		order: index + 1,
		url: `/decks/${id}.json`,
		// The app only compares the index's hash with the stored deck's: any stable value will do.
		hash: `bench-${items}-${index}`,
		counts: countKinds(cards),
		topics: Array.from({ length: TOPICS }, (_, t) => ({
			id: `topic-${t}`,
			title: `Topic ${t}`
		})),
		items: cards
	};
}

/**
 * A published library of `cards` flashcards in ten decks, as the files the app fetches: the deck
 * index and each deck, by URL path (`/decks/index.json`, `/decks/bench-1.json`, …).
 */
export function syntheticDecks(cards: number): Map<string, string> {
	const decks = Array.from({ length: DECKS }, (_, i) =>
		deckOf(i, Math.floor(cards / DECKS) + (i < cards % DECKS ? 1 : 0))
	);
	const index: DeckIndex = {
		schema: 1,
		decks: decks.map(({ items: _items, ...summary }) => summary)
	};
	const files = new Map([['/decks/index.json', JSON.stringify(index)]]);
	for (const deck of decks) files.set(deck.url, JSON.stringify(deck));
	return files;
}

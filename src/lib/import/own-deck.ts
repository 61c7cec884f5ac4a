import { hashString } from '$lib/content/hash';
import { OWN_PREFIX } from '$lib/content/ids';
import { slugify } from '$lib/content/slug';
import { BLANK } from '$lib/content/blanks';
import {
	ITEM_KINDS,
	isCardItem,
	type CardItem,
	type Deck,
	type ItemKind
} from '$lib/content/types';
import { groupDigits } from '$lib/digits';
import { AppError } from '$lib/errors';
import { neutralizeMarkup } from '$lib/markup';
import { contentKey } from './keys';
import { MAX_FIELD_CHARACTERS, type ImportedCard } from './types';

// A learner's own deck, made from cards brought from another app (Anki, a CSV file, Quizlet): a
// deck like ours, so studying, quizzing, listening, stats and the backup treat it the same.

/** The one topic of a deck of imported cards. */
export const OWN_TOPIC = 'cards';

/** A card as an importer gives it: `key` names it across imports of a corrected file. */
export type OwnCard = ImportedCard;

/** What is kept of an own deck besides its items. */
export interface OwnDeckInfo {
	/** The name of the file it was last imported from. */
	file: string;
	/** When it was first made and last imported (epoch ms). */
	createdAt: number;
	updatedAt: number;
	/**
	 * The Markdown its items were made from, when the deck is the learner's own notes (see
	 * own-notes.ts): kept to export them and to edit them again. Absent for imported cards.
	 */
	notes?: string;
	/**
	 * Cards edited in the app: the id a card with the edited text would get from a file, and the
	 * id the card kept (its history's), so that importing a file that holds the edited text finds it.
	 */
	aliases?: Record<string, string>;
}

/** An own deck: a deck whose items came from the learner. */
export type OwnDeck = Deck & { own: OwnDeckInfo };

/**
 * The id of a new own deck named `title`: `own-` and its slug, with a number added when a deck
 * already has it (two imports named alike stay two decks).
 */
export function newOwnDeckId(title: string, taken: ReadonlySet<string>): string {
	const base = `${OWN_PREFIX}${slugify(title) || 'deck'}`;
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}

/** The id segment of a card's key: its slug, or a hash when the key has no letters or digits. */
function segment(key: string): string {
	const slug = slugify(key);
	// A long key (a whole sentence) is cut by slugify; its hash keeps two such keys apart.
	return slug && slug.length < 48 ? slug : `k-${hashString(key)}`;
}

/** The id an imported card with this key gets in the deck. */
function idOf(deckId: string, key: string, kind: 'basic' | 'cloze'): string {
	return `${deckId}/${OWN_TOPIC}/${segment(key)}/${kind}`;
}

function itemOf(
	deckId: string,
	file: string,
	title: string,
	card: OwnCard,
	aliases: Readonly<Record<string, string>>
): CardItem {
	// A card edited in the app keeps its id when the file brings the edited text.
	const id = aliases[idOf(deckId, card.key, card.kind)] ?? idOf(deckId, card.key, card.kind);
	const fact = id.slice(0, id.lastIndexOf('/'));
	const base = {
		id,
		topic: OWN_TOPIC,
		fact,
		source: { file, heading: title, anchor: '', line: card.line },
		...(card.tags.length > 0 ? { tags: [...card.tags] } : {})
	};
	return card.kind === 'cloze'
		? {
				...base,
				kind: 'cloze',
				text: card.text,
				answer: card.answer,
				...(card.extra === undefined ? {} : { extra: card.extra })
			}
		: { ...base, kind: 'basic', front: card.front, back: card.back };
}

/**
 * Makes (or makes again, from a corrected file) an own deck of imported cards. Items are named by
 * their keys, so importing the file again keeps each card's history; a key given twice keeps its
 * first card.
 * @param previous the deck as stored before, when this import updates it (its id and dates stay)
 */
export function ownDeck(
	options: { id: string; title: string; file: string; order: number; now: number },
	cards: readonly OwnCard[],
	previous?: OwnDeck
): OwnDeck {
	const { id, title, file, order, now } = options;
	const seen = new Set<string>();
	const items: CardItem[] = [];
	const aliases = previous?.own.aliases ?? {};
	for (const card of cards) {
		const item = itemOf(id, file, title, card, aliases);
		if (seen.has(item.id)) continue;
		seen.add(item.id);
		items.push(item);
	}
	const counts = Object.fromEntries(ITEM_KINDS.map((kind) => [kind, 0])) as Record<
		ItemKind,
		number
	>;
	for (const item of items) counts[item.kind]++;
	return {
		id,
		title,
		description: `Your cards, imported from ${file}.`,
		order,
		url: '',
		hash: hashString(JSON.stringify(items)),
		counts,
		topics: [{ id: OWN_TOPIC, title: 'Cards' }],
		items,
		own: {
			file,
			createdAt: previous?.own.createdAt ?? now,
			updatedAt: now,
			...(previous?.own.aliases ? { aliases: previous.own.aliases } : {})
		}
	};
}

/**
 * An own deck under another name: its cards say the new name where they tell which deck they come
 * from; their ids, and so their history, stay.
 */
export function renamedOwnDeck(deck: OwnDeck, title: string): OwnDeck {
	const items = deck.items.map((item) => ({ ...item, source: { ...item.source, heading: title } }));
	return { ...deck, title, items, hash: hashString(JSON.stringify(items)) };
}

/**
 * The own deck the notes make, to store: a new one, or the one earlier notes with the same `deck`
 * made (its items keep their ids, so their history stays).
 */
export function ownNotesDeck(
	built: Deck,
	options: { text: string; file: string; order: number; now: number },
	previous?: OwnDeck
): OwnDeck {
	const { text, file, order, now } = options;
	return {
		...built,
		order: previous?.order ?? order,
		own: { file, createdAt: previous?.own.createdAt ?? now, updatedAt: now, notes: text }
	};
}

/** A card's sides as the learner edits them: front and back, or a cloze's text, answer and extra. */
export type CardSides =
	| { kind: 'basic'; front: string; back: string }
	| { kind: 'cloze'; text: string; answer: string; extra: string };

/**
 * An own deck of imported cards with one card edited in place: its id, and so its history, stay.
 * Text is kept plain (markup made harmless) and within the limits an import keeps.
 * @throws AppError saying what is wrong (an empty side, one too long, a cloze without its blank,
 *   a deck of notes: those are edited as notes)
 */
export function editedOwnCard(
	deck: OwnDeck,
	itemId: string,
	sides: CardSides,
	now: number
): OwnDeck {
	if (deck.own.notes !== undefined) {
		throw new AppError('This card comes from your notes: edit the notes to change it.');
	}
	const at = deck.items.findIndex((item) => item.id === itemId);
	const item = deck.items[at];
	if (!item || !isCardItem(item)) throw new AppError('This card is no longer in the deck.');
	const side = (name: string, text: string, required = true) => {
		const plain = neutralizeMarkup(text.trim());
		if (required && plain === '') throw new AppError(`The ${name} is empty.`);
		if (plain.length > MAX_FIELD_CHARACTERS) {
			throw new AppError(
				`The ${name} is ${groupDigits(plain.length)} characters long; a side may be ${groupDigits(MAX_FIELD_CHARACTERS)}.`
			);
		}
		return plain;
	};
	let edited: CardItem;
	if (sides.kind === 'cloze' && item.kind === 'cloze') {
		const text = side('text', sides.text);
		if (!text.includes(BLANK)) {
			throw new AppError(`The text must keep its blank, ${BLANK}, where the answer goes.`);
		}
		const cloze = { ...item, text, answer: side('answer', sides.answer) };
		// An emptied extra is no extra: the card shows none, and an export writes none.
		const extra = side('extra', sides.extra, false);
		if (extra) cloze.extra = extra;
		else delete cloze.extra;
		edited = cloze;
	} else if (sides.kind === 'basic' && item.kind !== 'cloze') {
		edited = { ...item, front: side('front', sides.front), back: side('back', sides.back) };
	} else {
		throw new AppError('A card keeps its kind when edited.');
	}
	const items = deck.items.map((other, index) => (index === at ? edited : other));
	const kind = edited.kind === 'cloze' ? 'cloze' : 'basic';
	const asImported = idOf(
		deck.id,
		contentKey(kind, edited.kind === 'cloze' ? edited.text : edited.front),
		kind
	);
	const aliases = { ...deck.own.aliases };
	if (asImported !== itemId) aliases[asImported] = itemId;
	return {
		...deck,
		items,
		hash: hashString(JSON.stringify(items)),
		own: { ...deck.own, updatedAt: now, ...(Object.keys(aliases).length ? { aliases } : {}) }
	};
}

import { CARD_KINDS, QUIZ_KINDS, type ItemKind } from '$lib/content/types';
import { AppError, errorMessage } from '$lib/errors';
import type { ExportedDeck } from '$lib/export';
import type { NotesOutcome } from '$lib/import/own-notes';
import { ownNotesDeck } from '$lib/import/own-deck';
import { checkPickedSize } from '$lib/import/size';
import type { StoredDeck } from '$lib/storage/db';
import { storeDeck, type DeckChanges } from '$lib/storage/decks';
import { app } from './app.svelte';
import type { StoredOwnDeck } from './import-page.svelte';
import type { CardReader } from './import-worker-client';

/** Own decks are listed after ours, in the order they were made. */
export const OWN_ORDER = 1000;

/** How many items of each sort a deck has: what the preview and the list of decks say. */
export interface ItemTally {
	cards: number;
	quiz: number;
	interview: number;
}

/** Counts a deck's items by sort (flashcards, quiz questions, interview questions). */
export function tally(counts: Readonly<Record<ItemKind, number>>): ItemTally {
	const sum = (kinds: readonly ItemKind[]) =>
		kinds.reduce((total, kind) => total + counts[kind], 0);
	return { cards: sum(CARD_KINDS), quiz: sum(QUIZ_KINDS), interview: counts.interview };
}

/**
 * The learner's own notes, pasted or picked as a `.md` file: checked by the generator the build
 * runs (in the importers' worker), previewed as how many items of each sort they make, and stored
 * as an own deck only once valid. Notes whose `deck` an earlier save used update that deck: items
 * that stayed keep their history, items gone retire.
 */
export class NotesForm {
	/** The notes as typed or read from the picked file. */
	text = $state('');
	/** The picked file's name, or the name pasted notes are kept under. */
	name = $state('notes.md');
	checking = $state(false);
	/** What the text last checked makes (the deck, or its problems with their lines). */
	outcome = $state.raw<NotesOutcome | null>(null);
	/** What went wrong other than the notes themselves (a file not text, a failed write). */
	problem = $state<string | null>(null);
	saving = $state(false);
	/** What the last save stored. */
	done = $state.raw<{ title: string; changes: DeckChanges; updated: boolean } | null>(null);

	/** Notes that would replace unsaved text in the form, until the learner confirms. */
	pendingReplace = $state.raw<{ text: string; name: string; editing: string | null } | null>(null);

	#reader: CardReader;
	/** The text the outcome is of. */
	#checked: string | null = null;
	/** The text as last saved or put in the form: what leaving it would lose nothing of. */
	#kept = '';
	/** The own deck whose notes "Edit notes" put in the form. */
	#editing = $state<string | null>(null);

	constructor(reader: CardReader) {
		this.#reader = reader;
	}

	/** The own deck of notes with the id these notes make, which saving updates. */
	get target(): StoredOwnDeck | undefined {
		const id = this.outcome?.deck?.id ?? this.#editing;
		return app.decks.find(
			(deck): deck is StoredOwnDeck => deck.id === id && deck.own?.notes !== undefined
		);
	}

	/** Why the notes cannot be saved under their id: a deck of imported cards has it. */
	get clash(): string | null {
		const deck = this.outcome?.deck;
		const other = deck && app.decks.find((stored) => stored.id === deck.id);
		if (!other || other.own?.notes !== undefined) return null;
		return `Your deck “${other.title}” already has the id “${deck.id}”: give these notes another “deck:” in their frontmatter.`;
	}

	/** What the checked notes make, by sort. */
	get made(): ItemTally | null {
		const deck = this.outcome?.deck;
		return deck ? tally(deck.counts) : null;
	}

	/** Whether the text changed since it was last checked. */
	get stale(): boolean {
		return this.#checked !== this.text;
	}

	/** Reads a picked `.md` file and checks it. */
	async pick(file: File): Promise<void> {
		this.#reset();
		this.name = file.name;
		this.checking = true;
		try {
			checkPickedSize(file.name, file.size);
			const bytes = new Uint8Array(await file.arrayBuffer());
			const outcome = await this.#reader.notes({ name: file.name, bytes });
			this.text = outcome.text;
			this.#checked = this.text;
			this.outcome = outcome;
		} catch (error) {
			this.problem = errorMessage(error);
		} finally {
			this.checking = false;
		}
	}

	/** Checks the text as it is now. */
	async check(): Promise<void> {
		if (this.checking) return;
		const text = this.text;
		this.#reset();
		this.checking = true;
		try {
			const outcome = await this.#reader.notes({ name: this.name, text });
			if (text !== this.text) return;
			this.#checked = text;
			this.outcome = outcome;
		} catch (error) {
			this.problem = errorMessage(error);
		} finally {
			this.checking = false;
		}
	}

	/** Puts an own deck's notes back in the form, to correct them and save them again. */
	edit(deck: StoredOwnDeck): void {
		this.replace({ text: deck.own.notes ?? '', name: deck.own.file, editing: deck.id });
	}

	/**
	 * Puts other notes in the form (an own deck's, or the example); when that would lose text not
	 * saved, it waits for `confirmReplace`.
	 */
	replace(notes: { text: string; name: string; editing: string | null }): void {
		const unsaved = this.text.trim() !== '' && this.text !== this.#kept;
		if (unsaved && notes.text !== this.text) {
			this.pendingReplace = notes;
			return;
		}
		this.#reset();
		this.text = notes.text;
		this.name = notes.name;
		this.#kept = notes.text;
		this.#editing = notes.editing;
		this.pendingReplace = null;
	}

	confirmReplace(): void {
		const notes = this.pendingReplace;
		if (!notes) return;
		this.#kept = this.text;
		this.replace(notes);
	}

	cancelReplace(): void {
		this.pendingReplace = null;
	}

	/**
	 * Stores the notes' deck, checking them first when they changed since; nothing is stored while
	 * they have a problem.
	 */
	async save(): Promise<void> {
		if (this.saving || this.checking) return;
		if (this.stale || !this.outcome) {
			await this.check();
			// Notes that would replace another deck of notes are shown first ("…and updates your
			// deck"), and saved on the next press: two drafts with one `deck` never overwrite silently.
			if (this.target && this.target.id !== this.#editing) return;
		}
		const outcome = this.outcome;
		if (!outcome?.deck || this.clash) return;
		this.saving = true;
		this.problem = null;
		try {
			const previous = this.target;
			const order = OWN_ORDER + app.decks.filter((deck) => deck.own).length;
			const now = Date.now();
			const deck = ownNotesDeck(
				outcome.deck,
				{ text: outcome.text, file: this.name, order, now },
				previous
			);
			const changes = await storeDeck(await app.ready(), deck, now);
			this.done = { title: deck.title, changes, updated: previous !== undefined };
			this.#kept = outcome.text;
			this.#editing = deck.id;
		} catch (error) {
			this.problem = `Nothing was stored: ${errorMessage(error)}`;
			this.saving = false;
			return;
		}
		this.problem = await decksReadAgain();
		this.saving = false;
	}

	#reset(): void {
		this.outcome = null;
		this.problem = null;
		this.done = null;
		this.#checked = null;
	}
}

/** An own deck's notes as the Markdown file they were written as. */
export function notesFile(deck: StoredDeck): ExportedDeck {
	if (deck.own?.notes === undefined)
		throw new AppError(
			'it holds cards from a file, not notes of your own: export it for Anki or as CSV.'
		);
	const name = deck.own.file.toLowerCase().endsWith('.md') ? deck.own.file : `${deck.title}.md`;
	return {
		text: deck.own.notes,
		name: name.replace(/[\\/:*?"<>|]+/g, '-'),
		type: 'text/markdown',
		cards: tally(deck.counts).cards
	};
}

/**
 * Reads the decks again after one was stored.
 * @returns what to say when that fails (the deck is stored all the same), or null
 */
export async function decksReadAgain(): Promise<string | null> {
	try {
		await app.reloadDecks();
		return null;
	} catch (error) {
		return `The deck is stored, but the list of decks could not be read again: ${errorMessage(error)}`;
	}
}

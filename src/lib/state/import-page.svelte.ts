import { errorMessage } from '$lib/errors';
import type {
	DelimitedOptions,
	DelimitedPreview,
	ImportFormat,
	ImportResult,
	QuizletOptions
} from '$lib/import';
import type { ExportedDeck, ExportFormat } from '$lib/export';
import { checkPickedSize } from '$lib/import/size';
import { QUIZLET_DEFAULTS } from '$lib/import/types';
import { newOwnDeckId, ownDeck, renamedOwnDeck, type OwnDeckInfo } from '$lib/import/own-deck';
import type { StoredDeck, StudyDatabase } from '$lib/storage/db';
import { deleteOwnDeck, storeDeck, type DeckChanges } from '$lib/storage/decks';
import { app } from './app.svelte';
import type { PickedFile } from './import-reader';
import { inWorker, keptForOffline, type CardReader } from './import-worker-client';
import { decksReadAgain, NotesForm, notesFile, OWN_ORDER, tally } from './notes-form.svelte';
import { PageModel } from './page.svelte';

/** One of the learner's own decks, as stored. */
export type StoredOwnDeck = StoredDeck & { own: OwnDeckInfo };

/** What importing a file stored. */
export interface ImportDone {
	title: string;
	changes: DeckChanges;
}

/**
 * The page where the learner brings their own cards: pick a file (Anki text or package, CSV or TSV,
 * Quizlet), see what it gives before anything is stored, name the deck (or update the deck an
 * earlier import of the file made, keeping its history), and store it; and the own decks there
 * are, each with a delete that says what goes.
 */
export class ImportPage extends PageModel {
	file = $state.raw<{ name: string; size: number } | null>(null);
	format = $state<ImportFormat>('anki-text');
	/** CSV/TSV: the first rows and the reading chosen (separator, header, columns). */
	preview = $state.raw<DelimitedPreview | null>(null);
	delimited = $state.raw<DelimitedOptions | null>(null);
	quizlet = $state.raw<QuizletOptions>(QUIZLET_DEFAULTS);
	/** What the file gives read this way; null until read (or when it cannot be). */
	result = $state.raw<ImportResult | null>(null);
	reading = $state(false);
	/** Why the file cannot be read this way, in words a person can act on. */
	problem = $state<string | null>(null);
	/** The name of the deck to store. */
	title = $state('');
	/** The own deck this import updates (its cards keep their history), or null for a new deck. */
	target = $state<string | null>(null);
	saving = $state(false);
	done = $state.raw<ImportDone | null>(null);
	/** An own deck the learner asked to delete, with what would go, until they confirm. */
	pendingDelete = $state.raw<StoredOwnDeck | null>(null);
	/** The deck to export (its id; the first deck with cards until one is chosen). */
	exportChoice = $state('');
	/** What the last export saved: the deck's name, the file's name and how many cards. */
	exported = $state.raw<{ title: string; file: string; cards: number } | null>(null);
	/** The learner's own notes, turned into a deck. */
	readonly notes: NotesForm;
	/** Whether the importers are kept on this device, so importing works offline too. */
	keptOffline = $state(false);

	#picked: PickedFile | null = null;
	/** The picked file is read in the format it suggests until one is chosen. */
	#guessing = false;
	#reader: CardReader;

	/**
	 * @param reader reads files of cards: in the importers' worker (tests, in Node, give the
	 *   in-thread reader of import-reader.ts)
	 */
	constructor(reader: CardReader = inWorker()) {
		super();
		this.#reader = reader;
		this.notes = new NotesForm(reader);
	}

	/** The learner's own decks, in the order they were made. */
	get ownDecks(): StoredOwnDeck[] {
		return app.decks.filter((deck): deck is StoredOwnDeck => deck.own !== undefined);
	}

	/** The own decks of imported cards (not of notes): what an import may update. */
	get cardDecks(): StoredOwnDeck[] {
		return this.ownDecks.filter((deck) => deck.own.notes === undefined);
	}

	/** Every deck with flashcards, ours and own, with how many: what can be exported. */
	get exportable(): { deck: StoredDeck; cards: number }[] {
		return app.decks
			.map((deck) => ({ deck, cards: tally(deck.counts).cards }))
			.filter(({ cards }) => cards > 0);
	}

	/** The deck chosen for export, or the first that can be. */
	get toExport(): StoredDeck | undefined {
		const decks = this.exportable.map(({ deck }) => deck);
		return decks.find((deck) => deck.id === this.exportChoice) ?? decks[0];
	}

	protected async load(_db: StudyDatabase): Promise<void> {}

	protected override async loaded(): Promise<void> {
		if (this.keptOffline) return;
		// In the background: the page does not wait for it.
		void keptForOffline(this.#reader).then((kept) => (this.keptOffline = kept));
	}

	/**
	 * Exports the chosen deck's flashcards for another app (written in the importers' worker): `save`
	 * is given the file to download.
	 */
	async exportDeck(
		format: ExportFormat | 'markdown',
		save: (file: ExportedDeck) => void
	): Promise<void> {
		const deck = this.toExport;
		if (!deck) return;
		this.exported = null;
		await this.attempt(async () => {
			const file =
				format === 'markdown' ? notesFile(deck) : await this.#reader.export(deck, format);
			save(file);
			this.exported = { title: deck.title, file: file.name, cards: file.cards };
		}, `“${deck.title}” was not exported: `);
	}

	/** Renames an own deck; its cards keep their history. An empty name changes nothing. */
	async rename(deckId: string, title: string): Promise<boolean> {
		const deck = this.cardDecks.find((own) => own.id === deckId);
		const name = title.trim();
		if (!deck || !name) return false;
		if (name === deck.title) return true;
		return this.attempt(async () => {
			await storeDeck(await app.ready(), renamedOwnDeck(deck, name), Date.now());
			await app.reloadDecks();
		}, `“${deck.title}” was not renamed: `);
	}

	/** Reads a picked file and shows what it gives; nothing is stored. */
	async pick(file: File): Promise<void> {
		this.#forget();
		this.file = { name: file.name, size: file.size };
		this.reading = true;
		try {
			// Before reading it: a file of hundreds of MB would take the phone's memory first.
			checkPickedSize(file.name, file.size);
			this.#picked = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
		} catch (error) {
			this.problem = errorMessage(error);
			this.reading = false;
			return;
		}
		this.#guessing = true;
		await this.read();
	}

	/** Reads the file again in another format. */
	async chooseFormat(format: ImportFormat): Promise<void> {
		this.format = format;
		this.#guessing = false;
		this.delimited = null;
		this.preview = null;
		await this.read();
	}

	/** Reads a CSV or TSV file again with other columns, separator or header row. */
	async chooseColumns(options: DelimitedOptions): Promise<void> {
		this.delimited = options;
		await this.read();
	}

	/** Reads a Quizlet export again with other separators. */
	async chooseQuizlet(options: QuizletOptions): Promise<void> {
		this.quizlet = options;
		await this.read();
	}

	/** Reads the picked file as chosen: the cards it gives, or why it cannot be read that way. */
	async read(): Promise<void> {
		const picked = this.#picked;
		if (!picked) return;
		this.reading = true;
		this.problem = null;
		this.result = null;
		this.done = null;
		try {
			const outcome = await this.#reader.read(picked, {
				format: this.#guessing ? null : this.format,
				delimited: this.delimited,
				quizlet: this.quizlet
			});
			if (picked !== this.#picked) return;
			this.format = outcome.format;
			this.#guessing = false;
			this.result = outcome.result;
			this.preview = outcome.preview;
			this.delimited = outcome.delimited;
			this.#suggestDeck(outcome.result.name);
		} catch (error) {
			if (picked === this.#picked) this.problem = errorMessage(error);
		} finally {
			if (picked === this.#picked) this.reading = false;
		}
	}

	/**
	 * Stores the cards read as an own deck, in one transaction: a new deck, or the target deck
	 * updated (cards of the same content keep their history, cards no longer in the file retire).
	 */
	async save(): Promise<void> {
		const result = this.result;
		const file = this.file;
		const title = this.title.trim();
		if (!result || !file || this.saving) return;
		if (!title) {
			this.problem = 'Give the deck a name.';
			return;
		}
		this.saving = true;
		this.problem = null;
		let changes: DeckChanges;
		try {
			const db = await app.ready();
			const now = Date.now();
			const previous = this.cardDecks.find((deck) => deck.id === this.target);
			const id = previous?.id ?? newOwnDeckId(title, deckIds(app.decks));
			const order = previous?.order ?? OWN_ORDER + this.ownDecks.length;
			const deck = ownDeck({ id, title, file: file.name, order, now }, result.cards, previous);
			changes = await storeDeck(db, deck, now);
		} catch (error) {
			this.problem = `Nothing was stored: ${errorMessage(error)}`;
			this.saving = false;
			return;
		}
		this.done = { title, changes };
		this.result = null;
		this.#picked = null;
		this.file = null;
		// Stored all the same: saying "nothing was stored" if the list cannot be read would be untrue.
		this.problem = await decksReadAgain();
		this.saving = false;
	}

	/** Asks to confirm deleting an own deck, saying how many cards (and their history) go. */
	askDelete(deckId: string): void {
		this.pendingDelete = this.ownDecks.find((own) => own.id === deckId) ?? null;
	}

	cancelDelete(): void {
		this.pendingDelete = null;
	}

	/** Deletes the deck asked about, with its cards and their history. */
	async confirmDelete(): Promise<void> {
		const pending = this.pendingDelete;
		if (!pending) return;
		this.pendingDelete = null;
		await this.attempt(async () => {
			await deleteOwnDeck(await app.ready(), pending.id);
			await app.reloadDecks();
		}, `"${pending.title}" was not deleted: `);
	}

	/** Names the deck from the file, and updates the own deck an earlier import of it made. */
	#suggestDeck(name: string | undefined): void {
		const fileName = this.file?.name ?? '';
		const earlier = this.cardDecks.find((deck) => deck.own.file === fileName);
		this.target = earlier?.id ?? null;
		if (!this.title) {
			this.title = earlier?.title ?? name?.split('::').pop() ?? fileName.replace(/\.[^.]+$/, '');
		}
	}

	#forget(): void {
		this.#picked = null;
		this.result = null;
		this.preview = null;
		this.delimited = null;
		this.problem = null;
		this.done = null;
		this.title = '';
		this.target = null;
	}
}

/** The ids of the decks given (a plain set: it is read once, never watched). */
function deckIds(decks: readonly StoredDeck[]): ReadonlySet<string> {
	return new Set(decks.map((deck) => deck.id));
}

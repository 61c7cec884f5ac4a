import { SvelteSet } from 'svelte/reactivity';
import { groupDigits } from '$lib/digits';
import { plural } from '$lib/format';
import {
	browseCards,
	filterCards,
	historyOf,
	type BrowseCard,
	type BrowseState,
	type DueFilter,
	type HistoryEntry
} from '$lib/srs/browse';
import { NOTE_MAX_LENGTH, type CardMarks } from '$lib/marks/marks';
import type { CardState } from '$lib/srs/types';
import { loadCardState, loadCardStates } from '$lib/storage/cards';
import type { StudyDatabase } from '$lib/storage/db';
import { changeMarks, loadMarks } from '$lib/storage/marks';
import { reviewsOfCard } from '$lib/storage/reviews';
import type { CardSides } from '$lib/import/own-deck';
import { editOwnCard } from './own-card-edit';
import { app } from './app.svelte';
import { PageModel } from './page.svelte';

/** How many cards are shown at first, and how many more each "Show more" adds. */
export const BROWSE_PAGE_SIZE = 100;

/** A change to many cards at once, as its button names it. */
export type MarkChange = 'suspend' | 'unsuspend' | 'flag' | 'unflag';

/** Each change: the mark it sets, to what, and what it did in words. */
const MARK_CHANGES: Record<MarkChange, [keyof Omit<CardMarks, 'note'>, boolean, string]> = {
	suspend: ['suspended', true, 'suspended'],
	unsuspend: ['suspended', false, 'unsuspended'],
	flag: ['flagged', true, 'flagged'],
	unflag: ['flagged', false, 'unflagged']
};

/** What an opened card shows beyond its row: its stored memory state and its answers. */
export interface CardDetails {
	id: string;
	/** Its stored state; null for a card never studied. */
	state: CardState | null;
	/** Its answers, oldest first. */
	history: HistoryEntry[];
}

/**
 * The card browser: every flashcard of every deck with its state and due date, searched and
 * filtered on the device, shown a page at a time; one card at a time opened with its history.
 */
export class BrowsePage extends PageModel {
	/** Every flashcard, in deck order. */
	cards = $state.raw<BrowseCard[]>([]);
	/** The time the cards' due dates are compared with (when they were read). */
	now = $state(Date.now());
	/** The card opened, with what was read of it; null when none is. */
	details = $state.raw<CardDetails | null>(null);
	/** The id of the card opened (its details may still be loading). */
	opened = $state<string | null>(null);

	#query = $state('');
	#deck = $state('');
	#topic = $state('');
	#state = $state<BrowseState | 'suspended' | ''>('');
	#flagged = $state(false);
	#due = $state<DueFilter | ''>('');
	#limit = $state(BROWSE_PAGE_SIZE);

	// Every filter shows the first page of what it finds again, and lets go of the cards chosen: a
	// change must never reach cards the learner can no longer see.
	get query(): string {
		return this.#query;
	}
	set query(value: string) {
		this.#query = value;
		this.#again();
	}

	/** The deck chosen (`''` for all); choosing one lets go of the topic of another. */
	get deck(): string {
		return this.#deck;
	}
	set deck(value: string) {
		this.#deck = value;
		this.#topic = '';
		this.#again();
	}

	/** The topic chosen, of the deck chosen (`''` for all). */
	get topic(): string {
		return this.#topic;
	}
	set topic(value: string) {
		this.#topic = value;
		this.#again();
	}

	get state(): BrowseState | 'suspended' | '' {
		return this.#state;
	}
	set state(value: BrowseState | 'suspended' | '') {
		this.#state = value;
		this.#again();
	}

	/** Whether only flagged cards are shown. */
	get flagged(): boolean {
		return this.#flagged;
	}
	set flagged(value: boolean) {
		this.#flagged = value;
		this.#again();
	}

	get due(): DueFilter | '' {
		return this.#due;
	}
	set due(value: DueFilter | '') {
		this.#due = value;
		this.#again();
	}

	/** The decks to choose from. */
	decks = $derived(app.decks.map(({ id, title }) => ({ id, title })));

	/** The topics of the deck chosen (none when all decks are). */
	topics = $derived(app.decks.find((deck) => deck.id === this.#deck)?.topics ?? []);

	/** Every card that matches the search and filters. */
	results: BrowseCard[] = $derived(
		filterCards(
			this.cards,
			{
				query: this.#query,
				deck: this.#deck,
				topic: this.#topic,
				state: this.#state,
				due: this.#due,
				flagged: this.#flagged
			},
			this.now,
			app.settings.dayStartHour
		)
	);

	/** The matching cards on screen: the first pages of them. */
	shown = $derived(this.results.slice(0, this.#limit));

	/** How many matching cards "Show more" would still add. */
	get more(): number {
		return Math.max(0, this.results.length - this.shown.length);
	}

	/** "12 of 1,204 cards". */
	get count(): string {
		const total = this.cards.length;
		return `${groupDigits(this.results.length)} of ${groupDigits(total)} ${total === 1 ? 'card' : 'cards'}`;
	}

	/** A new filter: its first page, nothing chosen. */
	#again(): void {
		this.#limit = BROWSE_PAGE_SIZE;
		this.selected.clear();
	}

	/** Shows the next page of matching cards. */
	showMore(): void {
		this.#limit += BROWSE_PAGE_SIZE;
	}

	/** Sets every filter back to all cards. */
	clear(): void {
		this.query = '';
		this.deck = '';
		this.state = '';
		this.due = '';
		this.flagged = false;
	}

	/** The cards chosen for a change to many at once, by id. */
	readonly selected = new SvelteSet<string>();
	/** What the last change to cards did, in words (announced); empty before any. */
	outcome = $state('');
	/** What the last change to a note did, in words (announced beside it); empty before any. */
	noted = $state('');

	/** Chooses a card for a change to many at once, or lets it go. */
	select(id: string, chosen: boolean): void {
		if (chosen) this.selected.add(id);
		else this.selected.delete(id);
	}

	/** Chooses every card on screen, or none. */
	selectShown(chosen: boolean): void {
		this.selected.clear();
		if (chosen) for (const card of this.shown) this.selected.add(card.id);
	}

	/**
	 * Suspends, unsuspends, flags or unflags the cards chosen, in one transaction; their schedules
	 * stay as they are. The choice is let go once it is done.
	 */
	async markSelected(change: MarkChange): Promise<void> {
		const chosen = this.results.filter((card) => this.selected.has(card.id));
		if (chosen.length === 0) return;
		const [field, value, done] = MARK_CHANGES[change];
		const ids = chosen.map((card) => card.id);
		const stored = await this.attempt(async () => {
			const change = field === 'suspended' ? { suspended: value } : { flagged: value };
			await changeMarks(await app.ready(), ids, change, Date.now());
		}, 'Nothing was changed: ');
		if (!stored) return;
		this.selected.clear();
		this.outcome = `${plural(chosen.length, 'card', 'cards')} ${done}.`;
		await this.#changed();
	}

	/** Keeps the learner's note on a card (shown on its back when studied); empty removes it. */
	async saveNote(id: string, note: string): Promise<boolean> {
		const card = this.cards.find((found) => found.id === id);
		if (!card) return false;
		const text = note.trim();
		if (text.length > NOTE_MAX_LENGTH) {
			this.error = `The note was not saved: it is ${groupDigits(text.length)} characters long, and a note may be ${groupDigits(NOTE_MAX_LENGTH)}.`;
			return false;
		}
		const done = await this.attempt(async () => {
			await changeMarks(await app.ready(), [card.id], { note: text }, Date.now());
		}, 'The note was not saved: ');
		if (!done) return false;
		this.noted = text ? 'Note saved.' : 'Note removed.';
		await this.#changed();
		return true;
	}

	/** Edits one of the learner's imported cards in place; its history stays. */
	async editCard(id: string, sides: CardSides): Promise<boolean> {
		this.noted = '';
		let unread: string | null = null;
		const done = await this.attempt(async () => {
			unread = await editOwnCard(id, sides);
		}, 'The card was not saved: ');
		if (done) {
			this.noted = 'Card saved.';
			// Reading the decks again told every page (and tab), this one too: its read is waited for.
			await this.refreshing;
			// Stored all the same: saying "not saved" would be untrue.
			this.error = unread;
		}
		return done;
	}

	/** Tells every page and tab of the change, and waits until this page shows it. */
	async #changed(): Promise<void> {
		this.error = null;
		app.changed();
		await this.refreshing;
	}

	protected async load(db: StudyDatabase): Promise<void> {
		const [states, marks] = await Promise.all([loadCardStates(db), loadMarks(db)]);
		if (!this.mounted) return;
		this.now = Date.now();
		this.cards = browseCards(app.decks, states, marks);
		// A deck deleted meanwhile (here or in another tab) is no longer chosen, nor its card open.
		if (this.#deck && !app.decks.some((deck) => deck.id === this.#deck)) this.deck = '';
		const opened = this.opened;
		if (opened && !this.cards.some((card) => card.id === opened)) {
			this.opened = null;
			this.details = null;
		} else if (opened) await this.#readDetails(db, opened);
	}

	/** Opens a card (and closes the one open), or closes it when it is the one open. */
	async toggle(id: string): Promise<void> {
		this.noted = '';
		if (this.opened === id) {
			this.opened = null;
			this.details = null;
			return;
		}
		this.opened = id;
		this.details = null;
		await this.attempt(
			async () => this.#readDetails(await app.ready(), id),
			'The card’s history could not be read. '
		);
	}

	async #readDetails(db: StudyDatabase, id: string): Promise<void> {
		const [stored, reviews] = await Promise.all([loadCardState(db, id), reviewsOfCard(db, id)]);
		const state = stored && !stored.retired ? stored : null;
		// Opened again or closed meanwhile: that answer is no longer wanted.
		if (this.opened !== id) return;
		this.details = { id, state, history: historyOf(reviews, state) };
	}
}

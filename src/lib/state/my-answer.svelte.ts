import { errorMessage } from '$lib/errors';
import { groupDigits } from '$lib/format';
import {
	EMPTY_ANSWER,
	isBlank,
	MY_ANSWER_FIELDS,
	MY_ANSWER_LABELS,
	MY_ANSWER_MAX,
	overLimit,
	type MyAnswer,
	type MyAnswerField,
	type MyAnswerText
} from '$lib/quiz/my-answer';
import type { StudyDatabase } from '$lib/storage/db';
import { DamagedAnswerError, loadMyAnswer, saveMyAnswer } from '$lib/storage/my-answers';
import { app } from './app.svelte';
import { storageStatus } from './storage-status.svelte';

/** The text parts of a stored answer. */
function pick(answer: MyAnswerText): MyAnswerText {
	return Object.fromEntries(
		MY_ANSWER_FIELDS.map((field) => [field, answer[field]])
	) as MyAnswerText;
}

/** Where an editor's text stands against what is stored. */
export type SaveState = 'saved' | 'unsaved' | 'saving';

export interface MyAnswerOptions {
	/** The database (the app's, unless a test gives its own). */
	open?: () => Promise<StudyDatabase>;
	now?: () => number;
	/** How long typing must pause before the text is saved. */
	delayMs?: number;
}

/**
 * The candidate's own answer to one interview question (Situation, Task, Action, Result, Notes):
 * loaded when the question is shown, saved a moment after typing pauses, when a field loses
 * focus, when the page is hidden and when the question goes. A failed save keeps the text on
 * screen, says so, and is tried again at the next of those.
 */
export class MyAnswerEditor {
	readonly item: string;
	text = $state<MyAnswerText>({ ...EMPTY_ANSWER });
	loading = $state(true);
	/** The stored answer could not be read: nothing may be typed over it until it is. */
	unread = $state(false);
	state = $state<SaveState>('saved');
	/** Why the text is not saved, in words a person can act on; null when nothing is wrong. */
	error = $state<string | null>(null);
	/**
	 * Another tab changed the stored answer while this one had unsaved text: the text stays, and
	 * saving it replaces the other tab's. Null when that has not happened.
	 */
	notice = $state<string | null>(null);

	/** The reading that follows the latest change of stored progress; settles when it is done. */
	reloading: Promise<void> = Promise.resolve();

	#open: () => Promise<StudyDatabase>;
	#now: () => number;
	#delayMs: number;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Typed since the last save began. */
	#dirty = false;
	/** Saves run one after another, so an older text never lands after a newer one. */
	#queue: Promise<boolean> = Promise.resolve(true);
	/** When the stored answer this editor last read or wrote was saved (null: none is stored). */
	#known: number | null = null;
	/** Stops following changes made in other tabs. */
	#stop: (() => void) | undefined;
	/** Why the last save failed in storage (logged if the question goes before a save works). */
	#failure: unknown = null;

	constructor(item: string, options: MyAnswerOptions = {}) {
		this.item = item;
		this.#open = options.open ?? (() => app.ready());
		this.#now = options.now ?? Date.now;
		this.#delayMs = options.delayMs ?? 800;
	}

	/** Whether nothing is written. */
	get blank(): boolean {
		return isBlank(this.text);
	}

	/**
	 * Reads the stored answer; what was typed meanwhile is kept rather than overwritten. When it
	 * cannot be read, nothing can be typed (empty fields would overwrite the story on the first key)
	 * until `load` is tried again and succeeds; a damaged record is said, and a new answer replaces it.
	 */
	async load(): Promise<void> {
		this.loading = true;
		this.unread = false;
		// Another tab may change this answer while it is shown: it is read again then.
		this.#stop ??= app.onChange(() => {
			this.reloading = this.#reload();
		});
		try {
			const stored = await loadMyAnswer(await this.#open(), this.item);
			this.#known = stored?.updatedAt ?? null;
			if (stored && !this.#dirty) {
				this.text = pick(stored);
			}
			this.error = null;
		} catch (error) {
			if (error instanceof DamagedAnswerError) this.error = error.message;
			else {
				this.unread = true;
				this.error = `Your answer could not be read, so it cannot be changed now: ${errorMessage(error)}`;
			}
		} finally {
			this.loading = false;
		}
	}

	/**
	 * Reads the stored answer again after stored progress changed (in another tab, say). An answer
	 * saved elsewhere replaces the text on screen unless something is typed here and not yet
	 * saved: that text stays, and `notice` says the other tab's answer will be replaced by it.
	 */
	async #reload(): Promise<void> {
		if (this.loading || this.unread) return;
		let stored: MyAnswer | null;
		try {
			stored = await loadMyAnswer(await this.#open(), this.item);
		} catch (error) {
			if (error instanceof DamagedAnswerError) return;
			// The text on screen may no longer be what is stored: nothing is typed over it unread.
			if (!this.#dirty) this.unread = true;
			this.error = `Your answer could not be read again after a change in another tab: ${errorMessage(error)}`;
			return;
		}
		const at = stored?.updatedAt ?? null;
		if (at === this.#known) return;
		this.#known = at;
		if (this.#dirty || this.state === 'saving') {
			this.notice =
				'This answer was changed in another tab. What you typed here stays, and replaces it when it is saved.';
			return;
		}
		this.text = stored ? pick(stored) : { ...EMPTY_ANSWER };
		this.notice = null;
	}

	/** Whether the fields can be typed in: the stored answer was read (or there is none). */
	get editable(): boolean {
		return !this.loading && !this.unread;
	}

	/** Changes one part; it is saved once typing pauses. */
	edit(field: MyAnswerField, value: string): void {
		if (this.unread) return;
		this.text[field] = value;
		this.#dirty = true;
		this.state = 'unsaved';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.save(), this.#delayMs);
	}

	/**
	 * Saves what is typed now, if anything changed since the last save.
	 * @returns whether the text on screen is stored
	 */
	save(): Promise<boolean> {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#queue = this.#queue.then(() => this.#write());
		return this.#queue;
	}

	async #write(): Promise<boolean> {
		if (!this.#dirty || this.unread) return this.error === null;
		const text = $state.snapshot(this.text);
		const long = overLimit(text);
		if (long) {
			this.error = `${MY_ANSWER_LABELS[long]} is longer than ${groupDigits(MY_ANSWER_MAX)} characters, so your answer was not saved. Shorten it to save.`;
			this.state = 'unsaved';
			return false;
		}
		this.#dirty = false;
		this.state = 'saving';
		const before = this.#known;
		const updatedAt = this.#now();
		// Known before the write lands, so a reload meanwhile does not take it for another tab's.
		this.#known = isBlank(text) ? null : updatedAt;
		try {
			await saveMyAnswer(await this.#open(), { ...text, item: this.item, updatedAt });
			this.error = null;
			this.#failure = null;
			this.notice = null;
			this.state = this.#dirty ? 'unsaved' : 'saved';
			// Other tabs showing this question read it again.
			app.changed();
			return !this.#dirty;
		} catch (error) {
			this.#failure = error;
			this.#known = before;
			this.#dirty = true;
			this.state = 'unsaved';
			this.error = `Your answer was not saved (it is still here): ${errorMessage(error)}`;
			return false;
		}
	}

	/**
	 * The question goes: what is typed is saved now, and other tabs' changes are no longer read.
	 * A save that fails then cannot be shown beside the fields, which are gone: the app's banner
	 * says it (see `storageStatus.unsaved`), and the cause is logged.
	 */
	dispose(): void {
		this.#stop?.();
		this.#stop = undefined;
		if (this.#dirty) void this.#saveOnLeaving();
	}

	async #saveOnLeaving(): Promise<void> {
		if (await this.save()) return;
		const cause = this.#failure;
		// A storage failure's own words are not shown (errorMessage): its cause is kept in the log.
		console.error(
			`The answer to ${this.item} was not saved when its question was left:`,
			cause ?? this.error
		);
		const why = cause === null ? this.error : errorMessage(cause);
		storageStatus.unsaved =
			`Your answer to an interview question was not saved when you left it, so what you typed last is lost. ${why ?? ''}`.trim();
	}
}

import { hashString } from '$lib/content/hash';
import { neutralizeMarkup } from '$lib/markup';
import { clozeDeletions, hasCloze } from './cloze';
import { ImportError } from './errors';
import { htmlToText, plainFieldText } from './html-text';
import { contentKey, keyText } from './keys';
import {
	MAX_FIELD_CHARACTERS,
	MAX_IMPORT_CARDS,
	MAX_TAG_CHARACTERS,
	type ImportedCard,
	type ImportResult,
	type SkippedRow
} from './types';

/** A number as a person reads it: 50,000. */
export function count(value: number): string {
	return value.toLocaleString('en');
}

/** One row of a file as an importer found it, before its fields are turned into card text. */
export interface NoteRow {
	/** The question side, or the text of a cloze note. */
	front: string;
	/** The answer side (for a cloze note, Anki's "Back Extra", kept on each of its cards). */
	back: string;
	tags: readonly string[];
	line: number;
	/** Whether the fields hold HTML to turn into text (Anki's `#html:true`). */
	html: boolean;
	/**
	 * The other app's own id of the note (an Anki package's note guid), when it has one: the key
	 * then comes from it, so a card edited in that app keeps its history here.
	 */
	id?: string;
}

/**
 * Gathers the cards of one file, whatever its format, into one ImportResult: turns fields into
 * plain text with their markup neutralised, gives each card its content key, drops duplicates,
 * skips rows that make no card, and holds the file to the limits on cards and field length.
 *
 * Why neutralise text that is only ever shown escaped: imported cards go into the progress
 * backup, and the backup import refuses any string that looks like markup or a script URL
 * (`MARKUP`, see backup/inspect.ts). A card holding `<b>` as text would make every later backup
 * unreadable, so its `<` becomes `‹` here, as in the learner's own notes (`neutralizeMarkup`),
 * and a warning says so.
 */
export class CardCollector {
	/**
	 * @param unit what the file's places are called in messages: lines of a text file, notes of a
	 *   package
	 */
	constructor(readonly unit: 'Line' | 'Note' = 'Line') {}

	#cards: ImportedCard[] = [];
	#skipped: SkippedRow[] = [];
	#warnings: string[] = [];
	#duplicates = 0;
	#media = 0;
	#scripts = 0;
	#neutralized = 0;
	#seen = new Set<string>();
	#keys = new Map<string, number>();

	/** Records a row that gives no card, and why. */
	skip(line: number, reason: string): void {
		this.#skipped.push({ line, reason });
	}

	/** Adds something the learner should know about the whole file. */
	warn(message: string): void {
		if (!this.#warnings.includes(message)) this.#warnings.push(message);
	}

	/**
	 * Adds the cards of one note: one basic card, or for a note with cloze deletions in its front
	 * one cloze card per cloze number.
	 * @throws ImportError when the file gives more than MAX_IMPORT_CARDS cards
	 */
	add(row: NoteRow): void {
		const front = this.#text(row.front, row.html);
		const tags = cleanTags(row.tags);
		if (hasCloze(front)) {
			const deletions = clozeDeletions(front);
			const backExtra = this.#text(row.back, row.html);
			for (const deletion of deletions) {
				if (deletion.answer === '') {
					this.skip(row.line, `cloze c${deletion.cloze} hides nothing.`);
					continue;
				}
				if (this.#tooLong(row.line, deletion.text, deletion.answer, backExtra)) continue;
				const text = this.#safe(deletion.text);
				const answer = this.#safe(deletion.answer);
				const hint = deletion.hint === undefined ? {} : { hint: this.#safe(deletion.hint) };
				// A file written for apps without clozes (our CSV export) holds the answer there.
				const extra =
					backExtra === '' || backExtra === deletion.answer ? {} : { extra: this.#safe(backExtra) };
				const key = this.#key('cloze', text, answer, row.id && `${row.id}-c${deletion.cloze}`);
				if (key === null) continue;
				this.#push({
					key,
					kind: 'cloze',
					text,
					answer,
					...hint,
					...extra,
					cloze: deletion.cloze,
					tags: [...tags],
					line: row.line
				});
			}
			return;
		}
		const back = this.#text(row.back, row.html);
		if (front === '' || back === '') {
			const side = front === '' ? 'front' : 'back';
			this.skip(row.line, `the ${side} is empty; a card needs a front and a back.`);
			return;
		}
		if (this.#tooLong(row.line, front, back)) return;
		const safeFront = this.#safe(front);
		const safeBack = this.#safe(back);
		const key = this.#key('basic', safeFront, safeBack, row.id);
		if (key === null) return;
		this.#push({ key, kind: 'basic', front: safeFront, back: safeBack, tags, line: row.line });
	}

	/**
	 * Everything gathered, with a warning for media left out.
	 * @throws ImportError when no card was made: the file is refused rather than giving an empty deck
	 */
	result(name?: string): ImportResult {
		if (this.#cards.length === 0) {
			const [first] = this.#skipped;
			throw new ImportError(
				first
					? `No card could be made from this file. ${this.unit} ${first.line}: ${first.reason}`
					: 'The file holds no cards.'
			);
		}
		const warnings = [...this.#warnings];
		if (this.#scripts > 0) {
			warnings.push(
				`${count(this.#scripts)} ${this.#scripts === 1 ? 'script or style was' : 'scripts or styles were'} left out: a card is only ever text.`
			);
		}
		if (this.#neutralized > 0) {
			warnings.push(
				`${count(this.#neutralized)} ${this.#neutralized === 1 ? 'field holds' : 'fields hold'} text that looks like HTML or a script link (such as <b> or javascript:); it is kept as text, with ‹ in place of < and ∶ after javascript.`
			);
		}
		if (this.#media > 0) {
			warnings.push(
				`${count(this.#media)} ${this.#media === 1 ? 'picture or sound was' : 'pictures or sounds were'} left out: the app keeps only the text of a card.`
			);
		}
		const deck = name?.trim() ? { name: neutralizeMarkup(name.trim()) } : {};
		return {
			...deck,
			cards: this.#cards,
			skipped: this.#skipped,
			duplicates: this.#duplicates,
			warnings
		};
	}

	#text(field: string, html: boolean): string {
		const { text, media, scripts } = html ? htmlToText(field) : plainFieldText(field);
		this.#media += media;
		this.#scripts += scripts;
		return text;
	}

	/** The text with its markup neutralised (a backup must be able to hold it), counted when changed. */
	#safe(text: string): string {
		const safe = neutralizeMarkup(text);
		if (safe !== text) this.#neutralized++;
		return safe;
	}

	#tooLong(line: number, ...fields: string[]): boolean {
		const longest = Math.max(...fields.map((field) => field.length));
		if (longest <= MAX_FIELD_CHARACTERS) return false;
		this.skip(
			line,
			`a field is ${count(longest)} characters long; the most a side of a card may be is ${count(MAX_FIELD_CHARACTERS)}.`
		);
		return true;
	}

	/**
	 * The card's key, or null when an earlier card had the same kind, front and back.
	 * @param id the key from the other app's note id, when the note has one
	 */
	#key(kind: ImportedCard['kind'], front: string, back: string, id?: string): string | null {
		const question = keyText(front);
		const identity = `${kind}\u0000${question}\u0000${keyText(back)}`;
		if (this.#seen.has(identity)) {
			this.#duplicates++;
			return null;
		}
		this.#seen.add(identity);
		// A note id may be any text (Anki's guids mix cases and symbols): hashed, it is a key.
		if (id) {
			const key = `note-${hashString(id)}`;
			// Two notes with one id (a damaged package): the first is kept.
			if (this.#keys.has(key)) {
				this.#duplicates++;
				return null;
			}
			this.#keys.set(key, 1);
			return key;
		}
		const key = contentKey(kind, front);
		const times = (this.#keys.get(key) ?? 0) + 1;
		this.#keys.set(key, times);
		return times === 1 ? key : `${key}-${times}`;
	}

	#push(card: ImportedCard): void {
		if (this.#cards.length >= MAX_IMPORT_CARDS) {
			throw new ImportError(
				`This file holds more than ${count(MAX_IMPORT_CARDS)} cards; the most one file may give is ${count(MAX_IMPORT_CARDS)}. Split it into smaller files and import each.`
			);
		}
		this.#cards.push(card);
	}
}

/** Tags as Anki keeps them: single words, each once, markup neutralised, none absurdly long. */
export function cleanTags(tags: readonly string[]): string[] {
	const words = tags.flatMap((tag) => tag.split(/\s+/)).filter((tag) => tag !== '');
	const kept = words
		.filter((tag) => tag.length <= MAX_TAG_CHARACTERS)
		.map((tag) => neutralizeMarkup(tag));
	return [...new Set(kept)];
}

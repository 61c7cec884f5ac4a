import type { Deck } from '$lib/content/types';
import type { ExportedDeck, ExportFormat } from '$lib/export';
import type {
	DelimitedOptions,
	DelimitedPreview,
	ImportFormat,
	ImportResult,
	QuizletOptions
} from '$lib/import';
import type { NotesInput, NotesOutcome } from '$lib/import/own-notes';

// Reading a picked file of cards with the importer its format needs, and writing a deck as a file
// for another app. The importers and exporters (papaparse, htmlparser2; SQLite in WebAssembly for
// Anki packages) load only here, when a file is picked or a deck exported, so no page's first load
// carries them.

/** A picked file as the import page holds it: its bytes are read once. */
export interface PickedFile {
	name: string;
	bytes: Uint8Array;
}

/** How to read a file: its format, and the choices CSV and Quizlet files need. */
export interface ReadChoices {
	/** Null for the format the file's name and first lines suggest (a newly picked file). */
	format: ImportFormat | null;
	/** CSV/TSV: separator, header row, columns; null to take what the preview guesses. */
	delimited: DelimitedOptions | null;
	quizlet: QuizletOptions;
}

/** What reading a file gave: its cards, and for CSV/TSV the preview its columns are chosen from. */
export interface ReadOutcome {
	/** The format it was read in (the one suggested, when none was chosen). */
	format: ImportFormat;
	result: ImportResult;
	preview: DelimitedPreview | null;
	delimited: DelimitedOptions | null;
}

/**
 * Reads a file's cards in the format chosen, or the one its name and first lines suggest (the
 * text is decoded once for both). Nothing is stored.
 * @throws ImportError (or any error) saying why the file cannot be read that way
 */
export async function readCards(file: PickedFile, choices: ReadChoices): Promise<ReadOutcome> {
	const importers = await import('$lib/import');
	let format =
		choices.format ?? (importers.guessImportFormat(file.name) === 'apkg' ? 'apkg' : null);
	if (format === 'apkg') {
		const [apkg, wasm] = await Promise.all([
			import('$lib/import/apkg'),
			import('sql.js/dist/sql-wasm.wasm?url')
		]);
		apkg.checkApkgSize(file.bytes.byteLength);
		await apkg.initApkgReader(wasm.default);
		return { format, result: await apkg.readApkg(file.bytes), preview: null, delimited: null };
	}
	importers.checkImportSize(file.bytes.byteLength);
	const text = importers.decodeImportFile(file.bytes);
	format ??= importers.guessImportFormat(file.name, text.slice(0, 4000));
	if (format === 'delimited') {
		const preview = importers.previewDelimited(text, choices.delimited?.separator);
		const delimited = choices.delimited ?? {
			separator: preview.separator,
			header: preview.header,
			front: 0,
			back: Math.min(1, Math.max(0, preview.columns - 1))
		};
		return { format, result: importers.importDelimited(text, delimited), preview, delimited };
	}
	const result =
		format === 'quizlet'
			? importers.importQuizlet(text, choices.quizlet)
			: importers.importAnkiText(text);
	return { format, result, preview: null, delimited: null };
}

/** Reads the learner's notes and makes their deck (the generator loads now); nothing is stored. */
async function readNotes(input: NotesInput): Promise<NotesOutcome> {
	return (await import('$lib/import/own-notes')).readOwnNotes(input);
}

/** Writes a deck's flashcards as a file for another app (the exporters load now). */
async function exportDeck(deck: Deck, format: ExportFormat): Promise<ExportedDeck> {
	return (await import('$lib/export')).exportDeck(deck, format);
}

/**
 * Reads and writes in this thread: in the importers' worker, and in Node where the page models are
 * tested (the page itself reads through the worker, see import-worker-client.ts).
 */
export const inThread = { read: readCards, export: exportDeck, notes: readNotes, warm };

/**
 * Loads every reader and writer now, and SQLite's WebAssembly, so that they are kept for offline
 * use (the service worker keeps what is fetched from the app's own immutable files).
 * @returns no URLs: see the worker's `warmed`
 */
async function warm(): Promise<string[]> {
	const [, , , , wasm] = await Promise.all([
		import('$lib/import'),
		import('$lib/import/apkg'),
		import('$lib/import/own-notes'),
		import('$lib/export'),
		import('sql.js/dist/sql-wasm.wasm?url')
	]);
	if (typeof fetch === 'function' && typeof location !== 'undefined') {
		const response = await fetch(wasm.default);
		if (!response.ok)
			throw new Error(`SQLite's WebAssembly could not be fetched (${response.status}).`);
	}
	// What was fetched is known only where it was fetched (see the worker's `warmed`).
	return [];
}

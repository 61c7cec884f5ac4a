import { buildDeck } from '$lib/content/deck';
import type { ContentIssue } from '$lib/content/errors';
import type { Deck } from '$lib/content/types';
import { neutralizeMarkup } from '$lib/markup';
import { decodeImportFile, normalizeLineEndings } from './decode';
import { MAX_NOTES_CHARACTERS } from './types';

export { MAX_NOTES_CHARACTERS };

// The learner's own notes, written in the format of our notes (content/README.md) and turned into
// cards, quiz questions and interview prompts by the same generator the build runs, here in the
// browser. Loaded on demand, in the importers' worker.

/** Notes as the learner gives them: pasted text, or the bytes of a picked `.md` file. */
export type NotesInput = { name: string; text: string } | { name: string; bytes: Uint8Array };

/**
 * What the notes make: the deck (its id `own-` and the frontmatter's `deck`), or every problem;
 * with the notes' text as read (a picked file decoded).
 */
export type NotesOutcome =
	| { deck: Deck; text: string; issues: [] }
	| { deck?: undefined; text: string; issues: ContentIssue[] };

/**
 * Reads the learner's notes and makes their deck, exactly as the build makes ours; nothing is
 * stored. Problems come back with their line, as the build gives them.
 * @throws ImportError when a picked file is not text (binary, too large)
 */
export function readOwnNotes(input: NotesInput): NotesOutcome {
	const file = input.name;
	const text = normalizeLineEndings(
		'bytes' in input ? decodeImportFile(input.bytes) : input.text.replace(/^\uFEFF/, '')
	);
	const problem = (message: string): NotesOutcome => ({
		text,
		issues: [{ file, line: 1, message }]
	});
	if (text.trim() === '') return problem('the notes are empty');
	if (text.length > MAX_NOTES_CHARACTERS) {
		return problem(
			`the notes are ${text.length.toLocaleString('en-GB')} characters long; at most ${MAX_NOTES_CHARACTERS.toLocaleString('en-GB')} are read (split them into several decks)`
		);
	}
	const built = buildDeck({ file, text }, { own: true });
	if (!built.deck) return { text, issues: built.issues };
	if (built.deck.items.length === 0) {
		return problem(
			'these notes make nothing to study: write term lists, sequences, tables, key phrases or interview questions (see “How to write notes”)'
		);
	}
	// Text is always shown escaped; markup is made harmless here too, as for cards from other apps
	// (see collect.ts), so a backup of the deck holds none.
	const deck = JSON.parse(
		JSON.stringify(built.deck, (_key, value: unknown) =>
			typeof value === 'string' ? neutralizeMarkup(value) : value
		)
	) as Deck;
	return { deck, text, issues: [] };
}

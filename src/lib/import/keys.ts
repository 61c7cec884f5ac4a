import { hashString } from '$lib/content/hash';

// The content key of an imported card: how a card read from a file is known again when the file
// (corrected) is imported again. Shared by the importers and by the editing of a card in place.

/** Text as a content key sees it: compatible forms alike, case and blank space ignored. */
export function keyText(text: string): string {
	return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The key of a card of this kind asking `question` (a cloze's text with its blank). */
export function contentKey(kind: 'basic' | 'cloze', question: string): string {
	return `${kind}-${hashString(keyText(question))}`;
}

import { CardCollector } from './collect';
import { normalizeLineEndings } from './decode';
import { checkImportSize } from './size';
import { ImportError } from './errors';
import { tooManyRows } from './rows';
import {
	MAX_IMPORT_ROWS,
	QUIZLET_DEFAULTS,
	type CardSeparator,
	type ImportResult,
	type QuizletOptions,
	type TermSeparator
} from './types';

function termString(separator: TermSeparator): string {
	if (separator === 'tab') return '\t';
	if (separator === 'comma') return ',';
	return normalizeLineEndings(separator.custom);
}

function cardString(separator: CardSeparator): string {
	if (separator === 'newline') return '\n';
	if (separator === 'semicolon') return ';';
	return normalizeLineEndings(separator.custom);
}

/**
 * Cards from Quizlet's export (copied text or a saved file): each card is a term and its
 * definition, which become the front and the back. Quizlet does not quote fields, so a card is
 * split at the first term separator: a definition may hold the separator, a term may not.
 * Cards without a separator or with an empty side are skipped with their line.
 * @throws ImportError when a separator is empty, the two are the same, or too many cards
 */
export function importQuizlet(
	text: string,
	options: QuizletOptions = QUIZLET_DEFAULTS
): ImportResult {
	checkImportSize(text.length);
	const term = termString(options.term);
	const card = cardString(options.card);
	if (term === '' || card === '') {
		throw new ImportError('A custom separator cannot be empty: type the characters Quizlet wrote.');
	}
	if (term === card) {
		throw new ImportError(
			'The separator between term and definition must differ from the one between cards.'
		);
	}
	const body = normalizeLineEndings(text.replace(/^\uFEFF/, ''));
	const collector = new CardCollector();
	let line = 1;
	const chunks = body.split(card);
	if (chunks.length > MAX_IMPORT_ROWS) throw tooManyRows();
	for (const chunk of chunks) {
		const at = chunk.indexOf(term);
		// The card starts where its first text is, not on the blank lines before it.
		const first = line + (/^\s*/.exec(chunk)?.[0].split('\n').length ?? 1) - 1;
		if (chunk.trim() !== '') {
			if (at === -1) {
				collector.skip(first, 'there is no separator between term and definition.');
			} else {
				collector.add({
					front: chunk.slice(0, at),
					back: chunk.slice(at + term.length),
					tags: [],
					line: first,
					html: false
				});
			}
		}
		line += chunk.split('\n').length - 1 + (card.split('\n').length - 1);
	}
	return collector.result();
}

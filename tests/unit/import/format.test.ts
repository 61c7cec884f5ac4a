import { describe, expect, it } from 'vitest';
import { guessImportFormat } from '$lib/import';

describe('which reader a picked file needs', () => {
	it('goes by the package name, Anki headers, then the CSV/TSV name', () => {
		expect(guessImportFormat('Spanish.apkg')).toBe('apkg');
		expect(guessImportFormat('collection.COLPKG')).toBe('apkg');
		expect(guessImportFormat('deck.txt', '#separator:tab\n#html:true\na\tb')).toBe('anki-text');
		expect(guessImportFormat('deck.csv', '\uFEFF#separator:Comma\na,b')).toBe('anki-text');
		expect(guessImportFormat('cards.csv', 'front,back')).toBe('delimited');
		expect(guessImportFormat('cards.TSV', 'front\tback')).toBe('delimited');
		expect(guessImportFormat('quizlet.txt', 'term\tdefinition')).toBe('anki-text');
		expect(guessImportFormat('pasted', '# a heading\tnot a header')).toBe('anki-text');
	});
});

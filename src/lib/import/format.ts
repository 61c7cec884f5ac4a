/** The readers of card files: Anki text (and headerless tab-separated text), CSV/TSV, Quizlet, Anki packages. */
export type ImportFormat = 'anki-text' | 'delimited' | 'quizlet' | 'apkg';

/** The header lines only Anki's plain-text export starts with. */
const ANKI_HEADER =
	/^#(separator|html|columns|deck|tags|notetype|guid|deck column|tags column)\s*:/i;

/**
 * Which reader a picked file most likely needs, from its name and the start of its text, for the
 * page to offer first (the learner can choose another): an Anki package by its `.apkg` or
 * `.colpkg` name (read before any text is decoded), CSV and TSV by their names, a file starting
 * with Anki's header lines as Anki text, and any other text as Anki text too, which reads
 * tab-separated lines as Quizlet's default export writes them. Quizlet's other separators are
 * the learner's to choose.
 * @param text the file's first characters, or '' when not read yet
 */
export function guessImportFormat(fileName: string, text = ''): ImportFormat {
	const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	if (extension === 'apkg' || extension === 'colpkg') return 'apkg';
	if (ANKI_HEADER.test(text.replace(/^\uFEFF/, ''))) return 'anki-text';
	if (extension === 'csv' || extension === 'tsv') return 'delimited';
	return 'anki-text';
}

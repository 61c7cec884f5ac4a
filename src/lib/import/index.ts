// The importers of cards from other apps, loaded on demand (`await import('$lib/import')`) by the
// page model that needs them. Anki packages have their own reader, which can build its result
// with CardCollector (./collect) and clozeDeletions (./cloze), as these readers do.
export { importAnkiText, readAnkiHeaders, type AnkiHeaders } from './anki-text';
export { decodeImportFile, normalizeLineEndings } from './decode';
export { checkImportSize, checkPickedSize } from './size';
export {
	importDelimited,
	previewDelimited,
	PREVIEW_ROWS,
	type DelimitedOptions,
	type DelimitedPreview
} from './delimited';
export { ImportError } from './errors';
export { guessImportFormat, type ImportFormat } from './format';
export { htmlToText, plainFieldText, type FieldText } from './html-text';
export { importQuizlet } from './quizlet';
export * from './types';

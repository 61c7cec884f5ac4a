// The export of a deck to other apps, loaded on demand (`await import('$lib/export')`).
export { deckToAnkiText } from './anki-text';
export { exportFileName, type ExportCard, type ExportDeck } from './cards';
export { CSV_COLUMNS, deckToCsv } from './csv';
export { exportDeck, type ExportedDeck, type ExportFormat } from './deck';

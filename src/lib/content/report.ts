import { ITEM_KINDS, type Deck, type ItemKind } from './types';

/** One line of the content report: how many items of each kind a deck or topic yields. */
export interface ReportRow {
	deck: string;
	/** Empty for the deck's total line. */
	topic: string;
	counts: Record<ItemKind, number>;
	total: number;
}

function emptyCounts(): Record<ItemKind, number> {
	return Object.fromEntries(ITEM_KINDS.map((kind) => [kind, 0])) as Record<ItemKind, number>;
}

/** Counts items per deck and topic, with a deck total line first and a grand total last. */
export function contentReport(decks: readonly Deck[]): ReportRow[] {
	const rows: ReportRow[] = [];
	const grand = emptyCounts();
	for (const deck of decks) {
		const total = emptyCounts();
		const byTopic = new Map(deck.topics.map((topic) => [topic.id, emptyCounts()]));
		for (const item of deck.items) {
			total[item.kind] += 1;
			grand[item.kind] += 1;
			const topicCounts = byTopic.get(item.topic);
			if (topicCounts) topicCounts[item.kind] += 1;
		}
		rows.push({ deck: deck.id, topic: '', counts: total, total: deck.items.length });
		for (const topic of deck.topics) {
			const counts = byTopic.get(topic.id) ?? emptyCounts();
			const sum = ITEM_KINDS.reduce((acc, kind) => acc + counts[kind], 0);
			rows.push({ deck: deck.id, topic: topic.id, counts, total: sum });
		}
	}
	const sum = ITEM_KINDS.reduce((acc, kind) => acc + grand[kind], 0);
	rows.push({ deck: 'all decks', topic: '', counts: grand, total: sum });
	return rows;
}

/** The report as a fixed-width text table. */
export function formatReport(rows: readonly ReportRow[]): string {
	const header = ['deck / topic', ...ITEM_KINDS, 'total'];
	const lines = rows.map((row) => [
		row.topic ? `  ${row.topic}` : row.deck,
		...ITEM_KINDS.map((kind) => String(row.counts[kind])),
		String(row.total)
	]);
	const widths = header.map((title, column) =>
		Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length))
	);
	const format = (cells: string[]) =>
		cells
			.map((cell, column) =>
				column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)
			)
			.join('  ');
	return [format(header), ...lines.map(format)].join('\n');
}

import { error } from '@sveltejs/kit';
import { treeForPage } from '$lib/content/markdown';
import { library } from '$lib/server/library';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => library().decks.map((deck) => ({ deck: deck.id }));

export const load: PageServerLoad = ({ params }) => {
	const { decks, notes } = library();
	const index = decks.findIndex((deck) => deck.id === params.deck);
	const deck = decks[index];
	const parsed = notes.get(params.deck);
	if (!deck || !parsed) error(404, `No notes "${params.deck}"`);
	const neighbour = (offset: number) => {
		const other = decks[index + offset];
		return other ? { id: other.id, title: other.title } : undefined;
	};
	return {
		deck: { id: deck.id, title: deck.title, description: deck.description, topics: deck.topics },
		tree: treeForPage(parsed.tree),
		previous: neighbour(-1),
		next: neighbour(1)
	};
};

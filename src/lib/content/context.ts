import type { Place } from './structures';
import { slugify } from './slug';
import type { Item, Source } from './types';

/** What the generator of one notes file works with: where items go, and where problems go. */
export interface Context {
	deck: string;
	file: string;
	add: (item: Item) => void;
	report: (line: number, message: string) => void;
}

/** Where an item's fact is written. */
export function sourceOf(context: Context, place: Place, line: number): Source {
	return { file: context.file, heading: place.heading, anchor: place.anchor, line };
}

/** A fact's id: the deck, the topic and the keys of the fact, as slugs. */
export function factId(context: Context, place: Place, ...keys: string[]): string {
	return [context.deck, place.topic, ...keys.map(slugify)].join('/');
}

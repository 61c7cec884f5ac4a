import type { Item } from '$lib/content/types';

/**
 * What an item asks or states, as lower-case text, for checking which facts the items teach. An
 * interview prompt counts for nothing: its model answer is read, never asked.
 */
export function askedText(item: Item): string[] {
	const text = (() => {
		switch (item.kind) {
			case 'basic':
			case 'reverse':
				return `${item.front} ${item.back}`;
			case 'cloze':
				return item.text.replace('[…]', item.answer);
			case 'mcq':
			case 'truefalse':
				return `${item.prompt} ${item.choices.join(' ')} ${item.explanation}`;
			case 'order':
				return `${item.prompt} ${item.steps.join(' ')}`;
			case 'match':
				return `${item.prompt} ${item.pairs.map((pair) => `${pair.left} ${pair.right}`).join(' ')}`;
			case 'interview':
				return '';
		}
	})();
	// Padding lets evidence such as "AI " match at the very end of an item.
	return text ? [` ${text} `.toLowerCase()] : [];
}

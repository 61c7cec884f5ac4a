import { factId, sourceOf, type Context } from './context';
import type { ContentIssue } from './errors';
import { sequenceItems, tableItems, termListItems } from './groups';
import type { KeyPhrase, Question, Structure, TermList } from './structures';
import type { Item } from './types';

/**
 * Derives every item from the structures of one notes file.
 * @returns the items in document order, and the problems that stop some from being made
 */
export function generateItems(
	deck: string,
	file: string,
	structures: readonly Structure[]
): { items: Item[]; issues: ContentIssue[] } {
	const items: Item[] = [];
	const issues: ContentIssue[] = [];
	const context: Context = {
		deck,
		file,
		add: (item) => items.push(item),
		report: (line, message) => issues.push({ file, line, message })
	};
	const lists = new Map<string, TermList>();
	for (const structure of structures) {
		if (structure.type !== 'terms' || !structure.phrasing.name) continue;
		const earlier = lists.get(structure.phrasing.name);
		if (earlier) {
			context.report(
				structure.line,
				`two term lists are named "${structure.phrasing.name}" (also at line ${earlier.line})`
			);
		}
		lists.set(structure.phrasing.name, structure);
	}
	for (const structure of structures) {
		switch (structure.type) {
			case 'terms':
				termListItems(context, structure, lists);
				break;
			case 'sequence':
				sequenceItems(context, structure);
				break;
			case 'table':
				tableItems(context, structure);
				break;
			case 'phrase':
				phraseItem(context, structure);
				break;
			case 'question':
				questionItem(context, structure);
				break;
		}
	}
	return { items, issues: [...issues, ...duplicateIssues(file, items)] };
}

function phraseItem(context: Context, phrase: KeyPhrase) {
	const fact = factId(context, phrase, phrase.phrase);
	context.add({
		id: `${fact}/cloze`,
		kind: 'cloze',
		topic: phrase.topic,
		fact,
		source: sourceOf(context, phrase, phrase.line),
		text: phrase.text,
		answer: phrase.phrase
	});
}

function questionItem(context: Context, question: Question) {
	const fact = factId(context, question, question.question);
	context.add({
		id: `${fact}/interview`,
		kind: 'interview',
		topic: question.topic,
		fact,
		source: sourceOf(context, question, question.line),
		question: question.question,
		answer: question.answer,
		keyPoints: question.keyPoints,
		...(question.synonyms.some((list) => list.length > 0) ? { synonyms: question.synonyms } : {}),
		evidence: question.evidence,
		followUps: question.followUps
	});
}

function duplicateIssues(file: string, items: readonly Item[]): ContentIssue[] {
	const firstLine = new Map<string, number>();
	const issues: ContentIssue[] = [];
	for (const item of items) {
		const earlier = firstLine.get(item.id);
		if (earlier === undefined) {
			firstLine.set(item.id, item.source.line);
			continue;
		}
		const key = item.fact.split('/').slice(2).join('/');
		issues.push({
			file,
			line: item.source.line,
			message: `duplicate key "${key}" in topic "${item.topic}" (also at line ${earlier})`
		});
	}
	return issues;
}

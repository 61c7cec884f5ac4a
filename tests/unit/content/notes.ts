import { buildDeck } from '$lib/content/deck';
import type { Deck, Item } from '$lib/content/types';

/** Frontmatter for a test deck. */
export function frontmatter(deck = 'test', extra = ''): string {
	return `---\ndeck: ${deck}\ntitle: Test deck\ndescription: A deck for tests.\norder: 1\n${extra}---\n\n`;
}

/** Builds a deck from Markdown notes, failing the test with the problems when it does not build. */
export function deckFrom(body: string, file = 'test.md'): Deck {
	const result = buildDeck({ file, text: frontmatter() + body });
	if (!result.deck) {
		throw new Error(result.issues.map((issue) => `${issue.line}: ${issue.message}`).join('\n'));
	}
	return result.deck;
}

/** The problems a notes file has, as "line: message" strings. */
export function problemsOf(text: string, file = 'bad.md'): string[] {
	const result = buildDeck({ file, text });
	return result.issues.map((issue) => `${issue.line}: ${issue.message}`);
}

/** Items of one kind. */
export function ofKind<K extends Item['kind']>(deck: Deck, kind: K): (Item & { kind: K })[] {
	return deck.items.filter((item): item is Item & { kind: K } => item.kind === kind);
}

export const TERMS = `## Strategic roles

<!-- ask
card: What does the strategic role "{term}" cover?
which: Which strategic role of a CTO is {explanation}?
statement: The strategic role "{term}" is {explanation}.
match: Match each strategic role with what it covers.
-->
- **Technology strategy** — a roadmap for technology that serves the company's long-term plans.
- **Managing the technical team** — leading, training and staffing engineers and IT specialists.
- **Product and service innovation** — bringing AI, IoT, cloud and big data into products.
- **Ensuring system security** — security solutions and the management of technology risk.
`;

export const TABLE = `## Famous CTOs

<!-- ask
Company: Which company does {entity} lead technology for?
Company which: Who is the CTO of {value}?
Company statement: {entity} is the CTO of {value}.
Company match: Match each CTO with their company.
Known for: What is {entity} known for?
Known for which: Which CTO is known for {value}?
Known for statement: {entity} is known for {value}.
Known for match: Match each CTO with what they are known for.
-->
| CTO | Company | Known for |
| --- | --- | --- |
| Werner Vogels | Amazon | the AWS cloud platform |
| Kevin Scott | Microsoft | AI strategy across products |
| Parker Harris | Salesforce | the Lightning platform |
| Michael Kagan | Nvidia | GPU infrastructure for AI |
| Dorit Dor | Check Point | security R&D leadership |
`;

export const SEQUENCE = `## Roadmap

<!-- ask
order: Put the stages of the road to CTO in order.
position: On the road to CTO, what is stage {n}?
next: On the road to CTO, which stage comes right after "{step}"?
card: What does the stage "{term}" on the road to CTO involve?
which: Which stage on the road to CTO is {explanation}?
statement: The stage "{term}" is {explanation}.
match: Match each stage with what it involves.
-->
1. **Technical staff** — programmer or engineer building a technical foundation.
2. **Team lead** — first leadership: assigning tasks and training newcomers.
3. **Project manager** — planning projects, budgets and crises end to end.
4. **VP of technology** — strategic choices of platforms and architecture.
5. **CTO** — long-term technology strategy for the business.
`;

export const PROSE = `## The rescue

When HealthCare.gov launched, only **3 out of 10** visitors could sign up. The White House CTO, **Todd Park**, formed a rescue team.
`;

export const QUESTION = `## Interview

> **Question:** When does a business need a CTO most?
>
> **Answer:** When technology decides whether it survives: a transformation, an unstable platform, fast growth or a competitor's threat.
>
> - digital transformation
> - unstable infrastructure
> - rapid scale-up
> - **Evidence:** names a time they saw one of these moments, and what it cost
>
> **Follow-ups:**
>
> - Which of the four is our company in now?
> - How would you know a CTO had made a difference?
`;

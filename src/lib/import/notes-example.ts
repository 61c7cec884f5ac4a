// A short example of notes in the format the generator reads (content/README.md), offered on the
// import page to start from: one of each structure, with facts from our own notes.

/** Notes that make a few cards, quiz questions and an interview prompt; a test keeps them valid. */
export const NOTES_EXAMPLE = `---
deck: my-notes
title: My notes
---

## The strategic roles

### Three of the four roles

<!-- ask
card: What does the CTO's strategic role "{term}" cover?
which: Which of the CTO's strategic roles is {explanation}?
statement: The strategic role "{term}" is {explanation}.
match: Match each strategic role with what it covers.
-->

- **Technology strategy** — building a roadmap for how the company's technology develops, in step with its long-term plans.
- **Managing the technical team** — leading and training engineers, programmers and IT specialists, and sharing resources among them.
- **Product and service innovation** — bringing new technologies into what the company offers.

### Why now

The role is crucial in any business going through a **digital transformation**.

> **Question:** Why would our company need a CTO now?
>
> **Answer:** A position first, then the reasons your notes give, then an example of your own.
>
> - Ties the need for a CTO to where the business is heading (also: "business goals")
> - Names the roadmap a CTO would set for the technology (also: "technology strategy")
> - **Evidence:** Gives a time they led a change of this size, and what it changed
>
> **Follow-ups:**
>
> - What would you do in your first month?
`;

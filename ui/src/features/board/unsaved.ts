// What the toolbar's save indicator says about the fields of an idea's details that are not saved yet. Apart from
// fields.ts, which loads with the details panel: the toolbar is in the first bundle.
import type { UnsavedField } from "./fields";

/** How the save indicator names a field. */
const FIELD_WORDS: Partial<Record<UnsavedField["field"], string>> = { cost: "cost/risk" };

/** A field of an idea's details as the window names it in words ("cost/risk", "payoff", "title"). */
export function fieldWord(field: UnsavedField["field"]): string {
  return FIELD_WORDS[field] ?? field;
}

/** What the save indicator says about the fields the details panel has not saved (null: there are none). */
export function unsavedLabel(unsaved: readonly UnsavedField[]): { text: string; invalid: boolean } | null {
  const invalid = unsaved.filter((u) => u.problem !== null);
  if (invalid.length > 0) {
    // Every field not saved is counted, the ones to fix named: an unplaced idea's right cost/risk waits for its wrong
    // payoff, and "1 field not saved" left it out.
    const n = unsaved.length;
    return {
      text: `${n} ${n === 1 ? "field" : "fields"} not saved: fix the ${listOf(invalid.map((u) => fieldWord(u.field)))}`,
      invalid: true,
    };
  }
  if (unsaved.length > 0)
    return {
      text: `Not saved yet: editing the ${listOf(unsaved.map((u) => fieldWord(u.field)))}`,
      invalid: false,
    };
  return null;
}

/** Words as a list in a sentence: "a", "a and b", "a, b and c". */
export function listOf(words: string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1) ?? ""}`;
}

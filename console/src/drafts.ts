// Where form drafts live (components/FormDraft.tsx): the tab's sessionStorage,
// one entry per person and form. A logout forgets them all, so the next
// person at a shared PC's tab finds nothing of the last one's typing; a
// session that merely ended keeps them for the same person's return.
const PREFIX = 'draft:';

export const draftKey = (personId: string, form: string) => `${PREFIX}${personId}:${form}`;

export function forgetDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // storage off: nothing kept
  }
}

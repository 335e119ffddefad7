/** Index sizes and title ranking every store uses, so both assign stories alike. */

/** How many key terms of each article go into the inverted index. */
export const KEY_TERMS = 25;
/** How many stories the inverted index may propose per article. */
export const MAX_CANDIDATES = 30;
/** Title quality: a headline beats a title we had to cut from the lead. */
export const TITLE_RANK = { header: 3, headline: 3, lead: 1, none: 0 } as const;

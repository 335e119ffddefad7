/**
 * Paragraph-level furniture that survives element-level cleaning because it sits
 * inside the article container: date stamps, photo credits, "read more" and
 * newsletter prompts, copyright lines and advert labels. Only short paragraphs are
 * ever dropped.
 */

/** Short paragraphs matching one of these are not part of the report. */
const FURNITURE_PATTERNS: Array<[RegExp, number]> = [
  // Date stamps: "PUBLISHED: 10:48, Tue, Nov 19, 2019", "| UPDATED: ...", "Published 1 day ago".
  // A stamp has a number or "ago" in it and is no sentence (it may end in "a.m."/"p.m.").
  [
    /^[|•·\s]*(?:first |last )?(?:published|updated|posted|modified)\b(?=.*(?:\d|\bago\b)).{0,60}(?:(?<![.!?"”])|(?<=[ap]\.m\.))$/i,
    90,
  ],
  // Bylines: "By Mira Tesk", "By Mira Tesk and Oskar Lind - 11/18/19 11:04 PM EST" (not "By Monday, it had.").
  [
    /^[Bb][Yy]\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|,))*\s*(?:[-–—|•,]\s*.*)?(?<![.!?"”])$/u,
    100,
  ],
  // Photo credits and picture labels.
  [
    /^[([]?\s*(?:image|photo|picture|pic|credit|photograph|source|video)s?(?: credit)?\s*[:©]/i,
    160,
  ],
  [/^[([]?\s*©/, 160],
  [/(?:©|\bcopyright\b|\ball rights reserved\b)/i, 250],
  // Prompts to go elsewhere.
  [
    /^(?:read more|see more|see also|(?:more|related)(?: news| stories| articles| content| posts| coverage| videos)?|more on this|recommended|don'?t miss|also read|watch|listen|trending|most read|most popular)\b\s*(?:[:.…-].*)?$/i,
    200,
  ],
  [
    /^(?:you may also like|more from|tell us what you think|comments?|advert(?:isement)?|sponsored(?: content)?|ad|share(?: this)?(?: article| story)?)\b.{0,30}$/i,
    60,
  ],
  [/\bclick(?:ing)? here\b/i, 160],
  [/\b(?:subscribe|newsletters?|sign up|signup)\b/i, 200],
  [
    /\bfollow (?:us|him|her|them|me)\b.{0,40}\b(?:on|at) (?:twitter|facebook|instagram|linkedin)\b/i,
    300,
  ],
  [/^have a (?:news )?tip\b/i, 200],
  [/\b(?:requires|enable) javascript\b/i, 120],
  // A bare URL, or a line with no words at all ("/*", "|").
  [/^(?:https?:\/\/\S+|[^\p{L}\p{N}]+)$/u, 300],
  // CMS shortcodes that leaked into the text: "[button link=...]".
  [/^\[\/?[a-z_-]+(?:\s[^\]]*)?\]/i, 400],
];

export function dropFurnitureLines(paragraphs: string[]): string[] {
  return paragraphs.filter(
    (p) => !FURNITURE_PATTERNS.some(([re, max]) => p.length <= max && re.test(p)),
  );
}

/** A paragraph ending in a photo credit is a caption: "… outside a store. (AP Photo/Name, File)". */
const CAPTION_LINE =
  /(?:\((?:[A-Z][\w.&-]* ){0,3}(?:photo|image|picture|pic|credit|file photo|video)s?\b[^()]*\)|\[(?:file|photo|image|picture)s?\b[^\]]*\])\s*$/i;
const MAX_CAPTION_LINE = 320;
/** A bare picture credit: "Name | Agency | Getty Images", "Photo by Name/Reuters". */
const CREDIT_LINE =
  /^(?:[^|/]{2,40}\s*[|/]\s*){1,3}(?:Getty Images|AP|AFP|Reuters|EPA|Bloomberg|Shutterstock|Alamy|iStock|PA|Sipa|Xinhua|NurPhoto)$/;
const MAX_CREDIT_LINE = 120;

/** Moves caption lines out of the body: { body, captions }. */
export function splitCaptionLines(paragraphs: string[]): { body: string[]; captions: string[] } {
  const body: string[] = [];
  const captions: string[] = [];
  for (const p of paragraphs) {
    if (p.length <= MAX_CAPTION_LINE && CAPTION_LINE.test(p)) captions.push(p);
    else if (p.length <= MAX_CREDIT_LINE && CREDIT_LINE.test(p)) captions.push(p);
    else body.push(p);
  }
  return { body, captions };
}

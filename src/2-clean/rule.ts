import type { Artifact } from '../types.js';

/** A cleaning pass: looks at the text and flags what is not part of the report. */
export type CleanRule = (text: string) => Artifact[];

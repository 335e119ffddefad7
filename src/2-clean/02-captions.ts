import type { Artifact } from '../types.js';
import { lines } from './lines.js';

// Credit markers in the languages we see most; a caption line carries one of them.
const CREDIT =
  /(?:^|[\s.(|/])(?:photo(?:graph)?s?|image|picture|pictured|illustration|credit|video|фото|фотография|снимок|foto|bild|imagen|photographie)\s*(?:by|credit)?\s*[:©/|]|©|\b(?:Getty Images|AFP|Reuters|AP Photo|EPA|Shutterstock|ТАСС|РИА Новости)\s*(?:\/[^\n]*)?$/i;

/** Photo captions and credits ("Sergey Lavrov. Photo: Russian Foreign Ministry"). */
export function flagCaptions(text: string): Artifact[] {
  const out: Artifact[] = [];
  for (const line of lines(text)) {
    if (line.text.length > 240) continue;
    if (!CREDIT.test(line.text)) continue;
    // A long line that quotes someone is prose that mentions a photo, not a caption.
    if (line.text.split(/\s+/).length > 30 || /["“«]/.test(line.text)) continue;
    out.push({
      start: line.start,
      end: line.end,
      kind: 'caption',
      rule: 'caption/credit-line',
      reason: 'photo caption or credit line',
    });
  }
  return out;
}

import { foldSpelling } from '../tokens.js';
import type { Entity, EntityMention, Quote, Span } from '../../types.js';
import { PRONOUNS, RELATIVE_SOURCES } from './source-span.js';

/**
 * Speaker resolution: the entity whose mention overlaps the Source span; for a pronoun the
 * previous speaker (else the most recent person named); for a role ("the minister") the
 * entity holding that role (else the previous speaker); for a name without entities the
 * name itself, with titles dropped and surnames linked to the fuller name said before.
 */

export interface ResolveContext {
  text: string;
  mentions: EntityMention[];
  entities: Entity[];
}

/** A quote before resolution, plus which earlier quote it continues (for sourceless quotes). */
export interface PendingQuote extends Quote {
  /** False when the cue is a stance ("believes", "expects"): later cue-less quotes do not inherit it. */
  speech: boolean;
  /** Index of the quote this one continues ("“A,” he said. “B.”"), or -1. */
  continues: number;
  paragraph: number;
}

const TITLE_WORDS = new Set(
  (
    'president vice prime foreign minister ministry secretary state sen senator rep representative gov governor ' +
    'mayor gen general adm admiral col colonel lt capt captain sgt mr mrs ms dr prof professor judge justice ' +
    'chief chairman chairwoman chair director spokesman spokeswoman spokesperson ambassador envoy special ' +
    'deputy assistant former ex acting interim us u.s uk u.k un russian american british chinese german french ' +
    'italian ukrainian european democratic republican democrat republican gop white house top senior ' +
    'attorney leader candidate nominee pope king queen prince princess sheikh ceo founder executive ' +
    'federal national party head commander officer official the a an of sen. rep. gov. gen. mr. mrs. ms. dr. ' +
    'prof. lt. col. capt. sgt. adm. st. pres. sec. atty. ' +
    // German, French, Spanish, Italian titles (German nouns are capitalised too).
    'bürgermeister bürgermeisterin ministerin präsident präsidentin kanzler kanzlerin sprecher ' +
    'sprecherin herr frau maire ministre président présidente porte-parole monsieur madame alcalde ' +
    'alcaldesa presidente ministro ministra portavoz señor señora sindaco signor signora'
  ).split(/\s+/),
);

const ROLE_HEADS =
  /\b(?:minister|diplomat|president|secretary|spokes(?:man|woman|person)|official|senator|governor|envoy|ambassador|chief|head|leader|candidate|nominee|chairman|chairwoman|director|mayor|general|commander|premier|chancellor|aide|adviser|advisor|lawmaker|congressman|congresswoman|representative|prosecutor|judge|officer|executive|founder|министр|дипломат|президент|глава|посол|представитель|премьер|спикер)\w*/iu;

const OBJECT_PRONOUNS = new Set('him her его её ее него неё нее'.split(' '));
/** Plural and impersonal pronouns: never the previous (single) speaker. */
const PLURAL_PRONOUNS = new Set('they them we it you их они мы'.split(' '));

function isPronoun(s: string): boolean {
  const w = s.toLowerCase();
  return PRONOUNS.has(w) || RELATIVE_SOURCES.has(w) || OBJECT_PRONOUNS.has(w);
}

/** The proper name inside a Source span without titles: "Russian Foreign Minister Sergei Lavrov" → "Sergei Lavrov". */
export function nameInSource(source: string): string | null {
  const runs: string[][] = [];
  let run: string[] = [];
  let modifier = false; // the run ended in a possessive or runs into a lower-case noun
  const close = (next: string | undefined) => {
    // "Ostrand regional government", "Analysis engines", "Ostrand's office": a modifier, not a name.
    const intoNoun = next !== undefined && /^\p{Ll}/u.test(next) && !FUNCTION_AFTER_NAME.test(next);
    if (run.length && !modifier && !intoNoun) runs.push(run);
    run = [];
    modifier = false;
  };
  for (const raw of source.split(/\s+/).filter(Boolean)) {
    const w = raw.replace(/^[("'“«]+/, '').replace(/[,;:()"'”»]+$/, '');
    const bare = w.replace(/['’]s$/, '');
    const isName =
      /^\p{Lu}/u.test(bare) &&
      !TITLE_WORDS.has(bare.toLowerCase()) &&
      !/^\p{Lu}-\p{Lu}/u.test(bare);
    if (isName) {
      run.push(bare);
      if (bare !== w) modifier = true;
      else if (w !== raw) close(undefined); // "Vale, the minister"
    } else close(w);
  }
  close(undefined);
  for (const r of runs) for (let k = 0; k < r.length; k++) r[k] = nominative(r[k]!);
  // The longest run is the name ("Port director Ilo Brandt"); the first wins a tie.
  let best = runs[0];
  for (const r of runs) if (r.length > best!.length) best = r;
  if (!best) return null;
  // A capitalised role noun before a full name: "Harbourmaster Ilo Brandt".
  if (best.length >= 3 && /(?:master|man|woman|person|er|or|ist|ent|ant)$/.test(best[0]!))
    best = best.slice(1);
  return best.join(' ');
}

/** Russian surnames in an oblique case back to the nominative: "по словам Ветрова" → "Ветров". */
function nominative(word: string): string {
  return word.replace(/^(\p{Lu}[а-яё]+(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е)$/u, '$1');
}

/** Lower-case words that may follow a name inside a Source span ("Vale of Orrin", "Vale and Rell"). */
const FUNCTION_AFTER_NAME =
  /^(?:of|from|at|in|for|with|on|and|or|who|whose|which|that|by|to|the|a|an|also|both|all|himself|herself|[а-яё]+)$/;

const surnames = new Map<string, string>();
function surname(name: string): string {
  let s = surnames.get(name);
  if (s === undefined) {
    const parts = name.split(' ');
    s = foldSpelling(parts[parts.length - 1]!.toLowerCase());
    if (surnames.size > 10_000) surnames.clear();
    surnames.set(name, s);
  }
  return s;
}

/** Fills `speaker` and `speakerId` of every quote, in text order. */
export function resolveSpeakers(quotes: PendingQuote[], ctx: ResolveContext): Quote[] {
  const persons = ctx.mentions
    .filter((m) => m.type === 'person' && m.kind === 'name')
    .sort((a, b) => a.start - b.start);
  const byId = new Map(ctx.entities.map((e) => [e.id, e]));
  const names: string[] = []; // full names said so far (no-entity mode), for surname linking
  let previous: { speaker: string | null; speakerId: string | null; paragraph: number } | null =
    null;
  // The last speaker known to be a person (a name or a person entity): what "he"/"she" refer to.
  let previousPerson: { speaker: string | null; speakerId: string | null } | null = null;

  const out: Quote[] = [];
  quotes.forEach((q, i) => {
    let speaker: string | null = null;
    let speakerId: string | null = null;
    if (!q.source && q.cue) {
      // A cue with no speaker ("the race seemed to tighten") names nobody.
    } else if (!q.source) {
      const from = q.continues >= 0 ? out[q.continues] : undefined;
      if (from) {
        speaker = from.speaker;
        speakerId = from.speakerId;
      } else if (previous && q.paragraph - previous.paragraph <= 2) {
        speaker = previous.speaker;
        speakerId = previous.speakerId;
      }
    } else {
      const src = q.source;
      const mention = overlapping(ctx.mentions, src);
      if (mention && mention.kind !== 'pronoun') {
        speakerId = mention.entityId;
        speaker = byId.get(mention.entityId)?.name ?? mention.text;
      } else if (isPronoun(src.text) || mention?.kind === 'pronoun') {
        if (mention && byId.has(mention.entityId)) {
          speakerId = mention.entityId;
          speaker = byId.get(mention.entityId)!.name;
        } else if (RELATIVE_SOURCES.has(src.text.toLowerCase())) {
          // "X, who said": the name right before.
          const named = lastBefore(persons, src.start);
          const before = nameBefore(ctx.text, src.start);
          if (before) ({ speaker, speakerId } = resolveName(before, named));
        } else if (PLURAL_PRONOUNS.has(src.text.toLowerCase())) {
          speaker = null;
        } else if (previousPerson) {
          ({ speaker, speakerId } = previousPerson);
        } else {
          const named = lastBefore(persons, src.start);
          if (named) {
            speakerId = named.entityId;
            speaker = byId.get(named.entityId)?.name ?? named.text;
          }
        }
      } else {
        const name = nameInSource(src.text);
        const lastWord = src.text.trim().split(/\s+/).pop() ?? '';
        const role = ROLE_HEADS.test(lastWord) ? lastWord : undefined;
        if (name) ({ speaker, speakerId } = resolveName(name, null));
        else if (role) {
          const holder = roleHolder(ctx.entities, role, previous?.speakerId ?? null);
          if (holder) {
            speakerId = holder.id;
            speaker = holder.name;
          } else if (previousPerson?.speaker) ({ speaker, speakerId } = previousPerson);
          else speaker = src.text;
        } else speaker = src.text;
      }
    }
    const quote: Quote = {
      kind: q.kind,
      source: q.source,
      speakerId,
      speaker,
      cue: q.cue,
      content: q.content,
      confidence: speaker ? q.confidence : Math.min(q.confidence, 0.5),
    };
    out.push(quote);
    if (speaker && q.source && q.speech) previous = { speaker, speakerId, paragraph: q.paragraph };
    if (speaker && q.source && isPersonLike(speaker, speakerId))
      previousPerson = { speaker, speakerId };
    else if (previous && speaker) previous.paragraph = q.paragraph;
    void i;
  });
  return out;

  function isPersonLike(speaker: string, speakerId: string | null): boolean {
    if (speakerId) return byId.get(speakerId)?.type === 'person';
    return names.includes(speaker);
  }

  function resolveName(
    name: string,
    mention: EntityMention | undefined | null,
  ): { speaker: string | null; speakerId: string | null } {
    if (mention && byId.has(mention.entityId))
      return { speaker: byId.get(mention.entityId)!.name, speakerId: mention.entityId };
    // "Lavrov" after "Sergei Lavrov": the fuller name said before.
    const key = surname(name);
    const fuller = names.find((n) => n !== name && surname(n) === key && n.length > name.length);
    if (fuller) return { speaker: fuller, speakerId: null };
    if (!names.includes(name)) names.push(name);
    return { speaker: name, speakerId: null };
  }
}

function overlapping(mentions: EntityMention[], span: Span): EntityMention | undefined {
  let best: EntityMention | undefined;
  let bestScore = -1;
  for (const m of mentions) {
    if (m.end <= span.start || m.start >= span.end) continue;
    const score =
      (m.type === 'person' ? 4 : m.type === 'org' ? 2 : 0) +
      (m.kind === 'name' ? 1 : 0) +
      (Math.min(m.end, span.end) - Math.max(m.start, span.start)) / 1000;
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

function lastBefore(mentions: EntityMention[], at: number): EntityMention | undefined {
  let found: EntityMention | undefined;
  for (const m of mentions) {
    if (m.end <= at) found = m;
    else break;
  }
  return found;
}

/** The capitalised words right before ", who" in the text. */
function nameBefore(text: string, at: number): string | null {
  const m = /((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)\s*,\s*$/u.exec(
    text.slice(Math.max(0, at - 80), at),
  );
  return m ? nameInSource(m[1]!) : null;
}

function roleHolder(entities: Entity[], role: string, preferId: string | null): Entity | undefined {
  const r = role.toLowerCase();
  const holders = entities.filter(
    (e) =>
      e.type === 'person' &&
      [...e.roles, ...e.aliases].some((x) =>
        x.toLowerCase().includes(r.slice(0, Math.max(4, r.length - 2))),
      ),
  );
  return holders.find((e) => e.id === preferId) ?? holders[0];
}

import { termOf } from '../3-analyse/tokens.js';

/**
 * Words news outlets swap for one another when they paraphrase the same
 * statement. Each set maps to one key, so "postponed" meets "delayed". Kept
 * small and general: a wrong entry here merges statements that differ.
 */
const SETS = [
  'postpone delay defer',
  'cancel scrap abandon',
  'halt stop suspend freeze',
  'ready willing prepared',
  'false fake untrue baseless',
  'undercover behind-the-scenes covert secret clandestine',
  'rely base',
  'result outcome',
  'collapse disruption breakdown',
  'say state declare',
  'note remark observe',
  'explain clarify',
  'criticise criticize condemn',
  'agree accept',
  'reject refuse dismiss',
  'kill slay',
  'injure wound hurt',
  'begin start commence launch',
  'end finish conclude',
  'increase rise raise grow',
  'decrease fall drop decline',
  'buy purchase acquire',
  'big large major',
  'small minor',
  'inspector engineer surveyor',
  'evacuate relocate',
  'resident inhabitant',
  'crack fracture fissure',
  'close shut seal',
  'official authority',
  'check inspect examine',
  'minister secretary',
  'talk negotiation',
];

const KEY = new Map<string, string>();
for (const set of SETS) {
  const words = set.split(' ');
  const key = `~${termOf(words[0]!)}`;
  for (const w of words) KEY.set(termOf(w), key);
}

/** The synonym-set key of a term, or the term itself. */
export function synonymKey(term: string): string {
  return KEY.get(term) ?? term;
}

/**
 * factRuEval-2016 devset scoring for the Russian entity rules: every Person / Org /
 * Location / LocOrg object is a gold span from its first to its last character (LocOrg
 * counts as a place); a predicted name mention is correct when type and offsets match.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { splitSentences } from '../../src/3-analyse/sentences.js';
import { extractEntities } from '../../src/3-analyse/entities/extract-entities.js';
import { f1, type TypeScore } from './conll.js';

const TYPES: Record<string, string> = {
  Person: 'person',
  Org: 'org',
  Location: 'place',
  LocOrg: 'place',
};

function goldSpans(dir: string, base: string): Set<string> {
  const spans = new Map<string, [number, number]>();
  for (const line of readFileSync(join(dir, `${base}.spans`), 'utf8').split('\n')) {
    const c = line.split(/\s+/);
    if (c.length < 4) continue;
    spans.set(c[0]!, [Number(c[2]), Number(c[2]) + Number(c[3])]);
  }
  const out = new Set<string>();
  for (const line of readFileSync(join(dir, `${base}.objects`), 'utf8').split('\n')) {
    const [head] = line.split('#');
    const c = head!.trim().split(/\s+/);
    const type = TYPES[c[1] ?? ''];
    if (!type) continue;
    const parts = c
      .slice(2)
      .map((id) => spans.get(id))
      .filter((s): s is [number, number] => !!s);
    if (!parts.length) continue;
    out.add(
      `${Math.min(...parts.map((p) => p[0]))}:${Math.max(...parts.map((p) => p[1]))}:${type}`,
    );
  }
  return out;
}

export function benchRussian(dir: string): void {
  const bases = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
  const scores = new Map<string, TypeScore>();
  const bump = (type: string, k: keyof TypeScore) => {
    for (const key of [type, 'ALL']) {
      const s = scores.get(key) ?? { tp: 0, fp: 0, fn: 0 };
      s[k]++;
      scores.set(key, s);
    }
  };
  let ms = 0;
  for (const base of bases) {
    // The spans index the file as written (CRLF kept); offsets are character positions.
    const text = readFileSync(join(dir, `${base}.txt`), 'utf8');
    const gold = goldSpans(dir, base);
    const t0 = performance.now();
    const { mentions } = extractEntities(text, splitSentences(text, [], 'ru'), { language: 'ru' });
    ms += performance.now() - t0;
    const pred = new Set(
      mentions
        .filter((m) => m.kind === 'name' && m.type !== 'misc' && m.type !== 'event')
        .map((m) => `${m.start}:${m.end}:${m.type}`),
    );
    for (const p of pred) bump(p.split(':')[2]!, gold.has(p) ? 'tp' : 'fp');
    for (const g of gold) if (!pred.has(g)) bump(g.split(':')[2]!, 'fn');
  }
  console.log(
    `factRuEval-2016 devset, ${bases.length} documents, exact-span match (rules, no training):`,
  );
  const table: Record<string, number> = {};
  for (const k of ['person', 'org', 'place', 'ALL']) {
    const s = f1(scores.get(k) ?? { tp: 0, fp: 0, fn: 0 });
    table[k] = Math.round(s.f1 * 1000) / 10;
    const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
    console.log(`  ${k.padEnd(6)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  }
  console.log(`speed: ${(ms / bases.length).toFixed(2)} ms/article`);
  console.log(
    'RESULT ' +
      JSON.stringify({
        lang: 'ru',
        f1: table.ALL,
        person: table.person,
        org: table.org,
        place: table.place,
        msPerArticle: Math.round((ms / bases.length) * 100) / 100,
      }),
  );
}

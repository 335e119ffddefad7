import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitiesOf } from './entity-helpers.js';

const INPUTS: Array<[string, string, string]> = [
  ['empty', '', 'en'],
  ['only punctuation', '... !!! ??? — « » “ ” " \' ( ) [ ]', 'en'],
  [
    'emoji and astral letters',
    'Ona Velt waved 👋🏽 at 𝐕𝐞𝐥𝐦𝐨𝐫𝐚. The crowd 🇳🇴 cheered for President Velt!',
    'en',
  ],
  ['CRLF and possessives', "Mayor Ona Velt's plan.\r\nVelt's aides said she's ready.\r\n", 'en'],
  [
    'all capitals headline',
    'VELMORA FERRY STRIKE ENDS AS UNION ACCEPTS OFFER\nThe Velmora Ferry Union said on Monday it accepted.',
    'en',
  ],
  [
    'pronouns with no antecedent',
    'He said she would come. His view was clear. Her answer too.',
    'en',
  ],
  [
    'role with no person',
    'The minister said the president would decide. The Norvanian top diplomat agreed.',
    'en',
  ],
  ['very long sentence', `Ona Velt ${'and Ona Velt '.repeat(400)}left Velmora.`, 'en'],
  [
    'initials and dots',
    'U.S. officials met Mr. O. P. Velt and Dr. K. Marsh in St. Velmora on Jan. 5.',
    'en',
  ],
  [
    'Russian mixed with Latin',
    'Глава компании «Северный Путь» Иван И. Петров встретился с John Smith в Москве.',
    'ru',
  ],
  [
    'Russian initials',
    'В. В. Дроздов и Дроздов В.В. приехали в Тверь. Дроздову показали город.',
    'ru',
  ],
  ['unknown language', 'Ona Velt ha detto che il vertice di Velmora è stato rinviato.', 'it'],
];

for (const [label, text, language] of INPUTS) {
  test(`entity spans hold on ${label}`, () => {
    const { mentions, entities } = entitiesOf(text, language);
    const ids = new Set(entities.map((e) => e.id));
    let last = 0;
    for (const m of mentions) {
      assert.ok(
        m.start >= 0 && m.end <= text.length && m.start < m.end,
        `bad span ${JSON.stringify(m)}`,
      );
      assert.equal(text.slice(m.start, m.end), m.text);
      assert.ok(m.start >= last, `mentions overlap or are out of order at ${m.start}`);
      last = m.end;
      assert.ok(ids.has(m.entityId), `mention points at unknown entity ${m.entityId}`);
      assert.ok(m.confidence > 0 && m.confidence <= 1, `confidence ${m.confidence}`);
    }
    for (const e of entities) {
      assert.equal(e.mentionCount, mentions.filter((m) => m.entityId === e.id).length);
      assert.ok(e.name.length > 0);
      assert.ok(e.aliases.length > 0);
    }
  });
}

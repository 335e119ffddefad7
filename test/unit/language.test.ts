import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../src/3-analyse/language.js';

const ENGLISH =
  'The harbour council of Velmora said on Tuesday that the new ferry would not sail before the ' +
  'spring, and that the engineers who had inspected the hull were still waiting for their report. ' +
  'Anja Tresk, who leads the ferry workers, told reporters that she had been promised a date by ' +
  'the end of the month. "We have heard this before," she said, adding that the union was ready ' +
  'to wait for it.';

const FRENCH =
  'Le conseil portuaire de Velmora a déclaré mardi que le nouveau ferry ne naviguerait pas avant ' +
  'le printemps, et que les ingénieurs qui avaient inspecté la coque attendaient toujours leur ' +
  'rapport. Anja Tresk, qui dirige les employés du ferry, a dit aux journalistes qu’on lui avait ' +
  'promis une date avant la fin du mois.';

const GERMAN =
  'Der Hafenrat von Velmora erklärte am Dienstag, dass die neue Fähre nicht vor dem Frühjahr ' +
  'fahren werde und dass die Ingenieure, die den Rumpf untersucht hatten, noch auf ihren Bericht ' +
  'warteten. Anja Tresk, die die Fährarbeiter vertritt, sagte den Reportern, man habe ihr ein ' +
  'Datum bis zum Monatsende versprochen. Was sie davon hält, sagte sie nicht.';

test('plain English prose is English, reliably', () => {
  assert.deepEqual(detectLanguage(ENGLISH), { code: 'en', reliable: true });
});

test('other Latin-script languages still go to the detector', () => {
  assert.equal(detectLanguage(FRENCH).code, 'fr');
  assert.equal(detectLanguage(GERMAN).code, 'de');
  // English quoted inside French prose does not make it English.
  assert.equal(detectLanguage(`${FRENCH} « The ferry will sail », a-t-il dit.`).code, 'fr');
});

test('Cyrillic text is never taken for English', () => {
  const russian =
    'Совет порта Вельморы заявил во вторник, что новый паром не выйдет в море до весны. ' +
    'The ferry is said to be ready, he said, and it was not the first time that they had heard it.';
  assert.notEqual(detectLanguage(russian).code, 'en');
});

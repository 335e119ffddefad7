/** Words that end in a period without ending a sentence (lower-cased, without the period). */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'rev',
  'col', 'lt', 'capt', 'cmdr', 'sgt', 'maj', 'adm', 'pres', 'insp', 'supt', 'hon', 'messrs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'no', 'nos', 'vol', 'vs', 'etc', 'approx', 'est', 'dept', 'univ', 'inc', 'corp', 'ltd', 'co',
  'ave', 'blvd', 'rd', 'fig', 'p', 'pp', 'ch', 'art', 'cf', 'al', 'e.g', 'i.e', 'a.m', 'p.m',
  'u.s', 'u.k', 'u.n', 'e.u', 'u.s.a', 'd.c', 'n.y', 'l.a',
  // Russian
  'г', 'гг', 'т', 'тыс', 'млн', 'млрд', 'руб', 'им', 'ул', 'д', 'т.е', 'т.д', 'т.п', 'см',
]);

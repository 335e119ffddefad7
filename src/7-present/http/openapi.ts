import { COMPARISON_SCHEMA_VERSION } from '../../5-compare/comparison.js';
import { MAX_BODY_BYTES, MAX_PAGE_SIZE } from './schemas.js';

/** JSON Schema (the OpenAPI 3.1 dialect) for the shapes the API returns. */
type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const bool: Schema = { type: 'boolean' };
const nullable = (type: string): Schema => ({ type: [type, 'null'] });
const arr = (items: Schema): Schema => ({ type: 'array', items });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
});
const span = { start: int, end: int };
const passage = obj({ articleId: str, ...span, text: str });
const nullablePassage: Schema = { oneOf: [passage, { type: 'null' }] };

const schemas: Record<string, Schema> = {
  Problem: obj({ type: str, title: str, status: int, detail: str, instance: str }, ['instance']),
  StorySummary: obj({
    id: str,
    title: str,
    firstDate: nullable('string'),
    lastDate: nullable('string'),
    outlets: arr(str),
    articles: arr(
      obj({ id: str, source: str, title: str, published: nullable('string'), origin: str }),
    ),
  }),
  StoryListItem: {
    allOf: [ref('StorySummary'), obj({ articleCount: int, outletCount: int })],
  },
  StoryList: obj({
    schemaVersion: int,
    total: int,
    limit: int,
    offset: int,
    items: arr(ref('StoryListItem')),
  }),
  // redirectedFrom: present when the id asked for is a story that merged into this one.
  Story: obj({ schemaVersion: int, story: ref('StorySummary'), redirectedFrom: str }, [
    'redirectedFrom',
  ]),
  QuoteRendering: obj({
    articleId: str,
    source: str,
    kind: { enum: ['direct', 'indirect', 'mixed'] },
    content: passage,
    cue: nullablePassage,
    speakerSpan: nullablePassage,
    utterance: int,
  }),
  SpeakerQuotes: obj({
    entityId: nullable('string'),
    speaker: str,
    renderings: arr(ref('QuoteRendering')),
  }),
  QuoteFidelityIssue: obj({
    kind: str,
    speaker: nullable('string'),
    renderings: arr(ref('QuoteRendering')),
    detail: str,
  }),
  TimelineEntry: obj(
    {
      value: str,
      granularity: str,
      label: str,
      resolved: bool,
      relative: bool,
      anchor: { type: 'object' },
      participants: arr(str),
      reports: arr(
        obj({ articleId: str, source: str, time: passage, sentence: passage, value: str }),
      ),
      conflicts: arr(obj({ articleId: str, source: str, value: str, text: str })),
    },
    ['anchor'],
  ),
  StoryEntity: obj({
    id: str,
    type: str,
    name: str,
    aliases: arr(str),
    roles: arr(str),
    members: arr(
      obj({ articleId: str, entityId: str, mentions: arr(obj({ ...span, text: str })) }),
    ),
  }),
  Comparison: obj({
    schemaVersion: { enum: [COMPARISON_SCHEMA_VERSION] },
    story: obj({
      id: str,
      title: str,
      firstDate: nullable('string'),
      lastDate: nullable('string'),
    }),
    articles: arr(
      obj({
        id: str,
        source: str,
        title: str,
        published: obj({ value: nullable('string'), certainty: str, evidence: str }),
        language: str,
        origin: str,
        artifacts: arr(obj({ ...span, kind: str, rule: str, reason: str, text: str })),
      }),
    ),
    groups: arr(
      obj({
        id: str,
        relation: str,
        sources: arr(str),
        members: arr(obj({ articleId: str, ...span, text: str, source: str, relation: str })),
        pairs: arr(
          obj({ a: int, b: int, score: num, relation: str, diff: arr({ type: 'object' }) }),
        ),
      }),
    ),
    unique: arr(obj({ articleId: str, source: str, passages: arr(passage) })),
    coverage: obj({
      articles: arr(str),
      rows: arr(
        obj({
          groupId: str,
          cells: arr({ enum: ['verbatim', 'paraphrase', 'partial', 'absent'] }),
        }),
      ),
    }),
    conflicts: arr(obj({ groupId: str, kind: str, a: { type: 'object' }, b: { type: 'object' } })),
    omissions: arr(obj({ articleId: str, groupIds: arr(str) })),
    entities: arr(ref('StoryEntity')),
    quotes: arr(ref('SpeakerQuotes')),
    quoteFidelity: arr(ref('QuoteFidelityIssue')),
    timeline: arr(ref('TimelineEntry')),
    provenance: arr(
      obj({
        a: str,
        b: str,
        kind: str,
        derived: nullable('string'),
        confidence: num,
        shared: obj({ a: num, b: num }),
        evidence: arr(str),
      }),
    ),
    stats: obj({ articles: int, units: int, groups: int, unique: { type: 'object' } }),
  }),
  Timeline: obj(
    { schemaVersion: int, storyId: str, redirectedFrom: str, timeline: arr(ref('TimelineEntry')) },
    ['redirectedFrom'],
  ),
  Quotes: obj(
    {
      schemaVersion: int,
      storyId: str,
      redirectedFrom: str,
      quotes: arr(ref('SpeakerQuotes')),
      quoteFidelity: arr(ref('QuoteFidelityIssue')),
    },
    ['redirectedFrom'],
  ),
  Article: obj({
    schemaVersion: int,
    id: str,
    storyId: str,
    meta: obj({
      title: str,
      titleSource: str,
      published: obj({ value: nullable('string'), certainty: str, evidence: str }),
      source: str,
      sourceEvidence: str,
      origin: str,
      headers: { type: 'object' },
    }),
    language: obj({ code: str, reliable: bool }),
    ingestedAt: str,
    text: str,
    artifacts: arr(obj({ ...span, kind: str, rule: str, reason: str })),
    sentences: arr(obj({ ...span, paragraph: int })),
    entities: arr(obj({ id: str, type: str, name: str, aliases: arr(str), roles: arr(str) })),
    mentions: arr(obj({ ...span, text: str, type: str, entityId: str, kind: str })),
    quotes: arr(
      obj({
        kind: str,
        speaker: nullable('string'),
        content: obj(span),
        cue: { type: ['object', 'null'] },
      }),
    ),
    times: arr(obj({ ...span, text: str, type: str, value: str, resolved: bool })),
  }),
  EntityList: obj({
    schemaVersion: int,
    total: int,
    limit: int,
    offset: int,
    items: arr(
      obj({
        name: str,
        type: str,
        aliases: arr(str),
        roles: arr(str),
        stories: arr(obj({ id: str, title: str })),
      }),
    ),
  }),
  SearchResult: obj({
    schemaVersion: int,
    query: str,
    articles: arr(obj({ articleId: str, storyId: str, title: str, source: str, snippet: str })),
    quotes: arr(
      obj({
        storyId: str,
        speaker: str,
        articleId: str,
        source: str,
        kind: str,
        ...span,
        text: str,
      }),
    ),
  }),
  IngestRequest: {
    oneOf: [
      obj({ kind: { enum: ['text'] }, text: str, source: str, origin: str }, ['source', 'origin']),
      obj({ kind: { enum: ['html'] }, html: str, url: str, source: str, origin: str }, [
        'url',
        'source',
        'origin',
      ]),
      obj({ kind: { enum: ['url'] }, url: str, source: str }, ['source']),
    ],
  },
  JobAccepted: obj({ schemaVersion: int, jobId: str, status: str, statusUrl: str }),
  Job: obj({
    schemaVersion: int,
    id: str,
    kind: str,
    status: { enum: ['queued', 'running', 'done', 'failed'] },
    createdAt: str,
    finishedAt: nullable('string'),
    error: nullable('string'),
    result: {
      oneOf: [
        obj({
          status: { enum: ['added', 'duplicate'] },
          articleId: str,
          storyId: str,
          newStory: bool,
          title: str,
          source: str,
        }),
        { type: 'null' },
      ],
    },
  }),
  Health: obj({ status: str }),
};

const json = (schema: string) => ({ 'application/json': { schema: ref(schema) } });
const problems = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      {
        description: 'Problem',
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
    ]),
  );
const ok = (schema: string, description = 'OK') => ({
  '200': { description, content: json(schema) },
});
const q = (name: string, schema: Schema, description: string, required = false) => ({
  name,
  in: 'query',
  required,
  schema,
  description,
});
const idPath = (name: string) => ({ name, in: 'path', required: true, schema: str });
/**
 * A story id. The id of a story that merged into another still works: the answer is the
 * live story, with its own id in the body, the id asked for in the Parallax-Redirected-From
 * header and, in a JSON envelope, in `redirectedFrom`.
 */
const storyIdPath = {
  ...idPath('id'),
  description:
    'A story id. The id of a story that merged into another answers with the live story: its id is in the body, the id asked for in the Parallax-Redirected-From header and, for Story, Timeline and Quotes, in redirectedFrom.',
};
const page = [
  q('limit', { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 }, 'page size'),
  q('offset', { type: 'integer', minimum: 0, default: 0 }, 'items to skip'),
];

/** The OpenAPI 3.1 document served at /openapi.json; a test checks it against the routes and responses. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parallax API',
      version: '1',
      description: `One news story from every side. Errors are application/problem+json. Request bodies are limited to ${MAX_BODY_BYTES} bytes, pages to ${MAX_PAGE_SIZE} items. When the server listens beyond loopback every /api/ request needs Authorization: Bearer <token> (the UI shell and this document do not).`,
    },
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    security: [{}, { bearer: [] }],
    paths: {
      '/openapi.json': {
        get: {
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI document' } },
        },
      },
      '/api/health': { get: { summary: 'Liveness', responses: ok('Health') } },
      '/api/stories': {
        get: {
          summary: 'Stories, largest first, paged and filtered',
          parameters: [
            ...page,
            q('q', str, 'words in the title or text'),
            q('from', { type: 'string', format: 'date' }, 'stories reported on or after this day'),
            q('to', { type: 'string', format: 'date' }, 'stories reported on or before this day'),
            q('outlet', str, 'an outlet that covers the story'),
            q('entity', str, 'a person, organisation or place named in the story'),
            q('language', str, 'a language code of one of its articles'),
          ],
          responses: { ...ok('StoryList'), ...problems(400) },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'One story',
          parameters: [storyIdPath],
          responses: { ...ok('Story'), ...problems(400, 404) },
        },
      },
      '/api/stories/{id}/comparison': {
        get: {
          summary: 'The full comparison (schema version 2)',
          parameters: [storyIdPath],
          responses: { ...ok('Comparison'), ...problems(400, 404) },
        },
      },
      '/api/stories/{id}/timeline': {
        get: {
          summary: 'Dated events merged across articles',
          parameters: [storyIdPath],
          responses: { ...ok('Timeline'), ...problems(400, 404) },
        },
      },
      '/api/stories/{id}/quotes': {
        get: {
          summary: 'Quotes by speaker, with each outlet’s rendering',
          parameters: [storyIdPath],
          responses: { ...ok('Quotes'), ...problems(400, 404) },
        },
      },
      '/api/stories/{id}/export': {
        get: {
          summary: 'The comparison as JSON, Markdown, a self-contained HTML report or CSV',
          parameters: [
            storyIdPath,
            q('format', { enum: ['json', 'md', 'html', 'csv'] }, 'export format'),
          ],
          responses: {
            '200': {
              description: 'The export, as an attachment',
              content: {
                'application/json': { schema: ref('Comparison') },
                'text/markdown': { schema: str },
                'text/html': { schema: str },
                'text/csv': { schema: str },
              },
            },
            ...problems(400, 404),
          },
        },
      },
      '/api/export.jsonl': {
        get: {
          summary: 'Every story’s comparison, one JSON object per line',
          responses: {
            '200': {
              description: 'JSON Lines',
              content: { 'application/x-ndjson': { schema: ref('Comparison') } },
            },
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article: metadata, cleaned text and all spans (offsets index `text`)',
          parameters: [idPath('id')],
          responses: { ...ok('Article'), ...problems(400, 404) },
        },
      },
      '/api/articles/{id}/text': {
        get: {
          summary: 'The article’s cleaned text as text/plain',
          parameters: [idPath('id')],
          responses: {
            '200': { description: 'Text', content: { 'text/plain': { schema: str } } },
            ...problems(400, 404),
          },
        },
      },
      '/api/entities': {
        get: {
          summary: 'Entities across stories with their aliases and stories',
          parameters: [...page, q('q', str, 'part of a name or alias')],
          responses: { ...ok('EntityList'), ...problems(400) },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search over articles and quotes',
          parameters: [q('q', str, 'words to find', true), page[0]!],
          responses: { ...ok('SearchResult'), ...problems(400) },
        },
      },
      '/api/ingest': {
        post: {
          summary: 'Ingest one article (text, HTML or URL) as a background job',
          requestBody: { required: true, content: json('IngestRequest') },
          responses: {
            '202': { description: 'Accepted', content: json('JobAccepted') },
            ...problems(400, 413, 415, 501),
          },
        },
      },
      '/api/jobs/{id}': {
        get: {
          summary: 'Status of an ingest job',
          parameters: [idPath('id')],
          responses: { ...ok('Job'), ...problems(400, 404) },
        },
      },
    },
  };
}

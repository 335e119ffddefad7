import { z } from 'zod';

/** Limits: one page of a list, one request body. */
export const MAX_PAGE_SIZE = 100;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const page = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  offset: z.coerce.number().int().min(0).default(0),
};
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const storiesQuery = z
  .object({
    ...page,
    q: z.string().trim().min(1).max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    outlet: z.string().trim().min(1).max(200).optional(),
    entity: z.string().trim().min(1).max(200).optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'expected a language code such as "en"')
      .optional(),
  })
  .strict();
export type StoriesQuery = z.infer<typeof storiesQuery>;

export const entitiesQuery = z
  .object({ ...page, q: z.string().trim().min(1).max(200).optional() })
  .strict();

export const searchQuery = z
  .object({ q: z.string().trim().min(1).max(200), limit: page.limit })
  .strict();

export const exportQuery = z
  .object({ format: z.enum(['json', 'md', 'html', 'csv']).default('json') })
  .strict();

export const idParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,80}$/, 'ids are letters, digits, "_" and "-"');

const meta = {
  source: z.string().trim().min(1).max(200).optional(),
  origin: z.string().trim().min(1).max(2000).optional(),
};
export const ingestBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().min(1), ...meta }).strict(),
  z
    .object({
      kind: z.literal('html'),
      html: z.string().min(1),
      url: z.string().url().optional(),
      ...meta,
    })
    .strict(),
  z
    .object({
      kind: z.literal('url'),
      url: z
        .string()
        .url()
        .refine((u) => /^https?:\/\//i.test(u), 'only http and https URLs'),
      source: meta.source,
    })
    .strict(),
]);
export type IngestBody = z.infer<typeof ingestBody>;

/** A zod error as one readable sentence naming each bad field. */
export function describeZodError(error: z.ZodError, what: string): string {
  return `invalid ${what}: ${error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`)
    .join('; ')}`;
}

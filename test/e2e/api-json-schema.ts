/**
 * A small JSON Schema checker for the subset /openapi.json uses: $ref,
 * type (one or several), properties + required, items, enum, oneOf, allOf,
 * minimum/maximum. Returns every mismatch with its path.
 */
type Schema = Record<string, unknown>;

export function validate(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], root);
    if (!target) return [`${path}: unresolvable $ref ${schema.$ref}`];
    return validate(value, target as Schema, root, path);
  }
  const errors: string[] = [];
  if (schema.allOf)
    for (const s of schema.allOf as Schema[]) errors.push(...validate(value, s, root, path));
  if (schema.oneOf) {
    const passing = (schema.oneOf as Schema[]).filter(
      (s) => validate(value, s, root, path).length === 0,
    );
    if (passing.length !== 1)
      errors.push(`${path}: matches ${passing.length} of oneOf (want exactly 1)`);
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (schema.type) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => isType(value, t))) {
      errors.push(
        `${path}: expected ${types.join('|')}, got ${value === null ? 'null' : typeof value}`,
      );
      return errors;
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      errors.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      errors.push(`${path}: above maximum`);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const k of (schema.required as string[] | undefined) ?? [])
      if (!(k in obj)) errors.push(`${path}: missing required "${k}"`);
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, s] of Object.entries(props))
      if (k in obj) errors.push(...validate(obj[k], s, root, `${path}.${k}`));
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((v, i) =>
      errors.push(...validate(v, schema.items as Schema, root, `${path}[${i}]`)),
    );
  return errors;
}

function isType(v: unknown, t: string): boolean {
  switch (t) {
    case 'null':
      return v === null;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    default:
      return typeof v === t;
  }
}

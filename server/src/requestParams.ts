// The params of every request the server answers, Isnad's own (protocol.ts) and the standard
// ones, checked where they arrive. Our client sends them well formed, but any JSON-RPC peer can
// send anything: a malformed request is answered with InvalidParams naming the field, not with a
// TypeError from deep inside a handler.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/**
 * What a field must hold: a string, a boolean, an object, a `{ uri }` document identifier, a
 * `{ line, character }` object, a `{ start, end }` of those or a list of them, or one of a few strings.
 */
type Field = 'string' | 'boolean' | 'object' | 'document' | 'position' | 'range' | 'ranges' | readonly string[];

/** What the checked fields of `T` hold; a field marked optional may also be absent. */
export type ParamsShape<T> = { readonly [K in keyof T]?: Field | { readonly optional: Field } };

/** `params` as the handler received them, typed as declared but not yet known to be so. */
export function checkedParams<T>(method: string, params: T, shape: ParamsShape<T>): T {
  if (typeof params !== 'object' || params === null) throw invalid(method, 'its params must be an object');
  for (const [name, expected] of Object.entries(shape) as [string, Field | { readonly optional: Field }][]) {
    const value = (params as Record<string, unknown>)[name];
    const optional = typeof expected === 'object' && 'optional' in expected;
    const field = optional ? expected.optional : (expected as Field);
    if (optional && value === undefined) continue;
    if (!holds(field, value)) throw invalid(method, `“${name}” must be ${describe(field)}`);
  }
  return params as T;
}

function holds(field: Field, value: unknown): boolean {
  if (field === 'string' || field === 'boolean') return typeof value === field;
  if (field === 'object') return isObject(value);
  if (field === 'document') return isObject(value) && typeof value.uri === 'string';
  if (field === 'position') return isPosition(value);
  if (field === 'range') return isRange(value);
  if (field === 'ranges') return Array.isArray(value) && value.every(isRange);
  return field.includes(value as string);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRange(value: unknown): boolean {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

/** Any object: a coordinate missing or not a whole number is read as the nearest one (LineIndex.offsetAt), nothing as 0. */
function isPosition(value: unknown): boolean {
  return isObject(value);
}

function describe(field: Field): string {
  if (field === 'string' || field === 'boolean') return `a ${field}`;
  if (field === 'object') return 'an object';
  if (field === 'document') return 'a document identifier { uri }';
  if (field === 'position') return 'a position { line, character }';
  if (field === 'range') return 'a range { start, end }';
  if (field === 'ranges') return 'a list of ranges { start, end }';
  return `one of ${field.map((value) => `“${value}”`).join(', ')}`;
}

function invalid(method: string, problem: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}.`);
}

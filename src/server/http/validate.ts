import type { z } from 'zod/mini';
import type { FieldIssue } from '../../contract';
import { ApiError } from './errors';

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any contract shape; deeper input is refused before a recursive parser can overflow. */
const MAX_DEPTH = 32;

/** Refuses prototype keys and absurd nesting, iteratively (a 10,000-deep array must not overflow the stack). */
function checkShape(input: unknown): void {
  const stack: Array<[unknown, number]> = [[input, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) throw new ApiError('validation_failed', 'The input is nested too deeply.');
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) throw new ApiError('validation_failed', 'Keys such as __proto__ and constructor are not accepted.');
      stack.push([(value as Record<string, unknown>)[key], depth + 1]);
    }
  }
}

/**
 * Parses untrusted input with a contract schema. Handlers only ever read the returned value, never
 * the raw request. Failures name each offending field.
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  checkShape(input);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldIssue[] = result.error.issues.map((issue) => ({
    path: [...issue.path, ...('keys' in issue && Array.isArray(issue.keys) ? [issue.keys.join(',')] : [])].join('.') || '(root)',
    message: issue.message,
  }));
  const names = fields.map((f) => f.path).join(', ');
  throw new ApiError('validation_failed', `Invalid request: check ${names}.`, fields);
}

/** Reads a JSON body, turning malformed JSON into a clear 400 instead of a 500. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', 'The request body is not valid JSON.');
  }
}

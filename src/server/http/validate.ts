import type { z } from 'zod/mini';
import type { FieldIssue } from '../../contract';
import { ApiError } from './errors';

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function hasPrototypeKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key) || hasPrototypeKey((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/**
 * Parses untrusted input with a contract schema. Handlers only ever read the returned value, never
 * the raw request. Failures name each offending field.
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  if (hasPrototypeKey(input)) {
    throw new ApiError('validation_failed', 'Keys such as __proto__ and constructor are not accepted.');
  }
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

/** The contract writes path parameters OpenAPI style (`{surveyId}`); Hono wants `:surveyId`. */
export function honoPath(path: string): string {
  return path.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, ':$1');
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// GET /v1/docs: the HTTP API reference rendered from the OpenAPI document the same server serves,
// with nothing from outside and nothing a strict CSP would block.

let backend: TestBackend;
beforeAll(async () => {
  backend = await createTestBackend();
});
afterAll(() => backend.close());

describe('GET /v1/docs', () => {
  it('lists every operation of openapi.json with its schemas, under a CSP of its own', async () => {
    const document = (await (await backend.app.request('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string; summary?: string }>> };
    const response = await backend.app.request('/v1/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    const page = await response.text();

    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        expect(page, operation.operationId).toContain(`id="${operation.operationId}"`);
        expect(page).toContain(`<a href="#${operation.operationId}">${method.toUpperCase()} ${path}</a>`);
      }
    }
    // Schemas are shown as text: the boot response names its fields, the error envelope its three.
    const boot = page.slice(page.indexOf('id="boot"'), page.indexOf('</section>', page.indexOf('id="boot"')));
    expect(boot).toContain('programme:');
    expect(boot).toMatch(/requestId: string/);

    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(page).toContain(`<style nonce="${nonce}">`);
    expect(page).not.toMatch(/<script|\son\w+=|(?:src|href)="(?:https?:)?\/\//i);
  });

  it('escapes what it prints: a summary or pattern cannot inject markup', async () => {
    const page = await (await backend.app.request('/v1/docs')).text();
    // Patterns from the contract contain characters such as < and & once escaped.
    expect(page.match(/<(?!\/?(?:html|head|meta|title|style|body|header|h1|h2|h3|small|p|a|code|ul|li|nav|main|section|span|strong|table|caption|thead|tbody|tr|th|td|details|summary|pre)\b|!doctype)/gi)).toBeNull();
  });
});

import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { schemaText } from './schemaText';

interface Operation {
  operationId: string;
  summary?: string;
  security: Array<Record<string, string[]>>;
  parameters: Array<{ name: string; in: string; required: boolean; schema: unknown }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { description?: string }> };
}

const AUTH: Record<string, string> = {
  publishableKey: '?shop=pk_…',
  customerToken: 'Authorization: Bearer <customer token>',
  secretKey: 'Authorization: Bearer sk_…',
};

function security(operation: Operation) {
  if (operation.security.length === 0) return 'none';
  return operation.security.map((option) => Object.keys(option).map((scheme) => AUTH[scheme] ?? scheme).join(' + ')).join(', or ');
}

function operationSection(path: string, method: string, operation: Operation) {
  const id = operation.operationId;
  return html`<section class="op" id="${id}" aria-labelledby="${id}-title">
  <h3 id="${id}-title"><span class="method method--${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
  ${operation.summary ? html`<p>${operation.summary}</p>` : ''}
  <p class="auth"><strong>Credentials:</strong> <code>${security(operation)}</code></p>
  ${operation.parameters.length > 0
    ? html`<table><caption>Parameters</caption><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">type</th><th scope="col">required</th></tr></thead><tbody>
      ${operation.parameters.map((parameter) => html`<tr><td><code>${parameter.name}</code></td><td>${parameter.in}</td><td><code>${schemaText(parameter.schema)}</code></td><td>${parameter.required ? 'yes' : 'no'}</td></tr>`)}
    </tbody></table>`
    : ''}
  ${operation.requestBody
    ? Object.entries(operation.requestBody.content).map(
        ([type, body]) => html`<details open><summary>Request body <code>${type}</code></summary><pre>${schemaText(body.schema)}</pre></details>`,
      )
    : ''}
  ${Object.entries(operation.responses).map(([status, response]) =>
    Object.entries(response.content ?? {}).map(
      ([type, body]) =>
        html`<details${status.startsWith('2') ? raw(' open') : ''}><summary>${status === 'default' ? 'Errors' : status} <code>${type}</code>${status === 'default' ? html` — ${response.description.replace(/`/g, '')}` : ''}</summary><pre>${schemaText(body.schema)}</pre></details>`,
    ),
  )}
</section>`;
}

// No script, no external resource; the only style is this block, allowed by its nonce.
const STYLE = `
:root { color-scheme: light dark; font: 16px/1.5 system-ui, sans-serif; }
body { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
nav ul { columns: 2 18rem; padding-inline-start: 1.2rem; }
.op { border-top: 1px solid color-mix(in srgb, currentColor 25%, transparent); padding-block: 1rem; }
.method { display: inline-block; min-width: 4.5rem; font: 700 0.85rem/1.8 ui-monospace, monospace; text-align: center; border-radius: 4px; color: #fff; background: #1d4ed8; }
.method--post { background: #047857; } .method--put { background: #92400e; } .method--delete { background: #b91c1c; }
pre { overflow-x: auto; padding: 0.75rem; background: color-mix(in srgb, currentColor 7%, transparent); border-radius: 6px; font-size: 0.85rem; }
table { border-collapse: collapse; margin-block: 0.5rem; } caption { text-align: start; font-weight: 600; }
th, td { text-align: start; padding: 0.25rem 0.75rem 0.25rem 0; vertical-align: top; }
summary { cursor: pointer; margin-block: 0.25rem; }
`;

/**
 * The HTTP API reference as one HTML page, rendered from the OpenAPI document the server serves
 * at /v1/openapi.json: every operation with its credentials, parameters, request and response
 * schemas as TypeScript-like text. Everything interpolated is escaped by hono/html.
 */
export function apiReferencePage(document: OpenApiDocument, nonce: string): HtmlEscapedString | Promise<HtmlEscapedString> {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  const groups: Array<[string, typeof operations]> = [
    ['Storefront (browser)', operations.filter(({ path }) => !path.startsWith('/v1/merchant') && path !== '/v1/openapi.json')],
    ['Merchant (server to server)', operations.filter(({ path }) => path.startsWith('/v1/merchant'))],
    ['Description', operations.filter(({ path }) => path === '/v1/openapi.json')],
  ];
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${document.info.title} ${document.info.version} — reference</title>
<style nonce="${nonce}">${raw(STYLE)}</style>
</head>
<body>
<header>
  <h1>${document.info.title} <small>${document.info.version}</small></h1>
  <p>Rendered from <a href="openapi.json"><code>openapi.json</code></a>, the OpenAPI 3.1 document this server serves. Every error is <code>{ "error": { "code", "message", "requestId" } }</code>.</p>
  <h2>Credentials</h2>
  <ul>
    ${Object.entries(document.components.securitySchemes).map(([name, scheme]) => html`<li><code>${AUTH[name] ?? name}</code>: ${scheme.description ?? ''}</li>`)}
  </ul>
  <nav aria-label="Operations"><ul>
    ${operations.map(({ path, method, operation }) => html`<li><a href="#${operation.operationId}">${method.toUpperCase()} ${path}</a></li>`)}
  </ul></nav>
</header>
<main>
${groups.map(([title, list]) => html`<h2>${title}</h2>${list.map(({ path, method, operation }) => operationSection(path, method, operation))}`)}
</main>
</body>
</html>`;
}

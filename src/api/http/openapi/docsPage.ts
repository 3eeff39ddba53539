type Json = Record<string, unknown>;

const escapeHtml = (text: unknown) =>
  String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const pretty = (value: unknown) => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

function parametersTable(parameters: Json[]): string {
  if (parameters.length === 0) return "";
  const rows = parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? "yes" : ""}</td>` +
        `<td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td><td>${escapeHtml(p.description)}</td></tr>`,
    )
    .join("");
  return `<table><tr><th>name</th><th>in</th><th>required</th><th>schema</th><th>about</th></tr>${rows}</table>`;
}

function responsesList(responses: Record<string, Json>): string {
  return Object.entries(responses)
    .map(([status, response]) => {
      const content = response.content as Record<string, { schema?: unknown }> | undefined;
      const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
      const schema = media?.schema && status < "400" ? pretty(media.schema) : "";
      return `<li><b>${escapeHtml(status)}</b> ${escapeHtml(response.description)} ${mediaType ? `<code>${escapeHtml(mediaType)}</code>` : ""}${schema}</li>`;
    })
    .join("");
}

function operationSection(path: string, method: string, operation: Json): string {
  const body = (operation.requestBody as Json | undefined)?.content as
    | Record<string, { schema: unknown }>
    | undefined;
  return `<section id="${escapeHtml(operation.operationId)}">
<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(operation.summary)}</p>${operation.description ? `<p>${escapeHtml(operation.description)}</p>` : ""}
${parametersTable((operation.parameters as Json[]) ?? [])}
${body ? `<h4>Request body</h4>${pretty(body["application/json"]?.schema)}` : ""}
<h4>Responses</h4><ul>${responsesList(operation.responses as Record<string, Json>)}</ul></section>`;
}

/** A self-contained HTML reference rendered from the OpenAPI document: no scripts, no CDN. */
export function renderDocsPage(document: Json): string {
  const info = document.info as Json;
  const paths = document.paths as Record<string, Record<string, Json>>;
  const components = document.components as { schemas: Record<string, unknown> };
  const operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => operationSection(path, method, operation)),
  );
  const schemas = Object.entries(components.schemas)
    .map(
      ([name, schema]) =>
        `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${pretty(schema)}</section>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info.title)} ${escapeHtml(info.version)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
pre{background:#f6f8fa;padding:.6em;overflow:auto;font-size:12px}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;font-size:13px}
.method{display:inline-block;min-width:4em;color:#fff;border-radius:3px;padding:0 .4em;background:#555}.get{background:#2a7}.post{background:#27c}.put,.patch{background:#c82}.delete{background:#c33}
section{border-top:1px solid #eee}</style></head><body>
<h1>${escapeHtml(info.title)} <small>${escapeHtml(info.version)}</small></h1><p>${escapeHtml(info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Operations</h2>${operations.join("\n")}<h2>Schemas</h2>${schemas}</body></html>`;
}

/**
 * The API reference page: static HTML, a stylesheet and a script served as separate files, so the
 * strict CSP (no inline script or style) holds. The script fetches /api/openapi.json and renders it
 * with DOM calls and textContent only; nothing is loaded from elsewhere.
 */

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Deplatforming graph API</title>
<link rel="stylesheet" href="/api/docs/docs.css">
<script src="/api/docs/docs.js" defer></script>
</head>
<body>
<header><h1>Deplatforming graph API</h1><p id="intro">Loading <a href="/api/openapi.json">/api/openapi.json</a>…</p></header>
<nav id="toc" aria-label="Operations"></nav>
<main id="ops"></main>
<section id="schemas"></section>
<noscript><p>This page needs JavaScript; the document itself is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></noscript>
</body>
</html>
`;

export const DOCS_CSS = `body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem 2rem; color: #1d1d1f; }
h1 { margin-bottom: .2rem; }
h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
nav ul { columns: 2; list-style: none; padding: 0; }
nav a { text-decoration: none; }
.op { border: 1px solid #ddd; border-radius: 6px; margin: 1rem 0; padding: .6rem 1rem; }
.op h3 { margin: .2rem 0; font-family: ui-monospace, monospace; font-size: 1rem; }
.method { display: inline-block; min-width: 4.2rem; font-weight: bold; text-transform: uppercase; }
.get { color: #0b6bcb; } .post { color: #137333; } .put { color: #9a6700; } .delete { color: #c5221f; }
.lock { font-size: .8rem; color: #9a6700; margin-left: .5rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { text-align: left; border-bottom: 1px solid #eee; padding: .25rem .5rem; vertical-align: top; }
code, pre { font-family: ui-monospace, monospace; font-size: .85rem; }
pre { background: #f6f8fa; padding: .6rem; overflow: auto; max-height: 24rem; }
details { margin: .3rem 0; }
`;

export const DOCS_JS = `'use strict';
(function () {
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function refName(schema) {
    return schema && schema.$ref ? schema.$ref.replace('#/components/schemas/', '') : null;
  }
  function schemaView(schema) {
    var name = refName(schema);
    if (name) return el('a', { href: '#schema-' + name, text: name });
    return el('details', {}, [el('summary', { text: 'schema' }), el('pre', { text: JSON.stringify(schema, null, 2) })]);
  }
  function describeParam(s) {
    var parts = [];
    if (s.type) parts.push(s.type);
    if (s.enum) parts.push('one of ' + s.enum.join(', '));
    if (s.minimum !== undefined) parts.push('min ' + s.minimum);
    if (s.maximum !== undefined) parts.push('max ' + s.maximum);
    if (s.maxLength !== undefined) parts.push('max length ' + s.maxLength);
    if (s.pattern) parts.push('pattern ' + s.pattern);
    if (s.default !== undefined) parts.push('default ' + s.default);
    return parts.join('; ');
  }
  function operation(path, method, op) {
    var id = op.operationId;
    var box = el('article', { class: 'op', id: 'op-' + id }, [
      el('h3', {}, [el('span', { class: 'method ' + method, text: method }), path,
        op.security ? el('span', { class: 'lock', text: 'token needed' }) : null]),
      el('p', { text: op.summary || '' }),
      op.description ? el('p', { text: op.description }) : null,
    ]);
    if (op.parameters && op.parameters.length) {
      var rows = op.parameters.map(function (p) {
        return el('tr', {}, [el('td', {}, [el('code', { text: p.name })]), el('td', { text: p.in }),
          el('td', { text: p.required ? 'required' : '' }), el('td', { text: describeParam(p.schema || {}) }),
          el('td', { text: p.description || (p.schema && p.schema.description) || '' })]);
      });
      box.appendChild(el('table', {}, [el('thead', {}, [el('tr', {}, ['name', 'in', '', 'value', 'meaning'].map(function (h) {
        return el('th', { text: h });
      }))]), el('tbody', {}, rows)]));
    }
    if (op.requestBody) {
      var body = op.requestBody.content['application/json'];
      box.appendChild(el('p', {}, ['Body (application/json): ', schemaView(body.schema)]));
    }
    var list = el('ul');
    Object.keys(op.responses).forEach(function (status) {
      var r = op.responses[status];
      var types = r.content ? Object.keys(r.content) : [];
      var schema = types.length && r.content[types[0]].schema;
      list.appendChild(el('li', {}, [el('code', { text: status }), ' ' + r.description + ' ',
        types.length ? el('small', { text: '(' + types.join(', ') + ') ' }) : null, schema ? schemaView(schema) : null]));
    });
    box.appendChild(el('p', { text: 'Answers:' }));
    box.appendChild(list);
    return box;
  }
  function render(doc) {
    document.title = doc.info.title + ' ' + doc.info.version;
    var intro = document.getElementById('intro');
    intro.textContent = 'OpenAPI ' + doc.openapi + ', version ' + doc.info.version + '. ' + doc.info.description + ' ';
    intro.appendChild(el('a', { href: '/api/openapi.json', text: 'The document as JSON.' }));
    var toc = el('ul'), ops = document.getElementById('ops'), byTag = {};
    Object.keys(doc.paths).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method];
        var tag = (op.tags && op.tags[0]) || 'other';
        (byTag[tag] = byTag[tag] || []).push(operation(path, method, op));
        toc.appendChild(el('li', {}, [el('a', { href: '#op-' + op.operationId }, [el('span', { class: 'method ' + method, text: method }), path])]));
      });
    });
    document.getElementById('toc').appendChild(toc);
    Object.keys(byTag).forEach(function (tag) {
      ops.appendChild(el('h2', { text: tag }));
      byTag[tag].forEach(function (box) { ops.appendChild(box); });
    });
    var schemas = document.getElementById('schemas');
    schemas.appendChild(el('h2', { text: 'Schemas' }));
    Object.keys(doc.components.schemas).forEach(function (name) {
      schemas.appendChild(el('h3', { id: 'schema-' + name, text: name }));
      schemas.appendChild(el('pre', { text: JSON.stringify(doc.components.schemas[name], null, 2) }));
    });
  }
  fetch('/api/openapi.json', { headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then(render)
    .catch(function (e) { document.getElementById('intro').textContent = 'The document could not be loaded: ' + e.message; });
})();
`;

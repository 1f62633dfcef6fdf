// The API reference page's script: renders /api/openapi.json with DOM calls and textContent only,
// so nothing from the document is ever parsed as markup; it loads nothing from elsewhere.
'use strict';
(function () {
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
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
  // A key whose role is at least x-required-role; where the key is optional (`{}` among the
  // schemes), it is needed only when the server sets READS_NEED_KEY.
  function lock(op) {
    var role = op['x-required-role'];
    if (!op.security || !role) return null;
    var optional = op.security.some(function (s) {
      return Object.keys(s).length === 0;
    });
    return el('span', { class: 'lock', text: optional ? role + ' key if reads need one' : role + ' key needed' });
  }
  function operation(path, method, op) {
    var id = op.operationId;
    var box = el('article', { class: 'op', id: 'op-' + id }, [
      el('h3', {}, [el('span', { class: 'method ' + method, text: method }), path, lock(op)]),
      el('p', { text: op.summary || '' }),
      op.description ? el('p', { text: op.description }) : null,
    ]);
    if (op.parameters && op.parameters.length) {
      var rows = op.parameters.map(function (p) {
        return el('tr', {}, [
          el('td', {}, [el('code', { text: p.name })]),
          el('td', { text: p.in }),
          el('td', { text: p.required ? 'required' : '' }),
          el('td', { text: describeParam(p.schema || {}) }),
          el('td', { text: p.description || (p.schema && p.schema.description) || '' }),
        ]);
      });
      box.appendChild(
        el('table', {}, [
          el('thead', {}, [
            el(
              'tr',
              {},
              ['name', 'in', '', 'value', 'meaning'].map(function (h) {
                return el('th', { text: h });
              }),
            ),
          ]),
          el('tbody', {}, rows),
        ]),
      );
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
      list.appendChild(
        el('li', {}, [
          el('code', { text: status }),
          ' ' + r.description + ' ',
          types.length ? el('small', { text: '(' + types.join(', ') + ') ' }) : null,
          schema ? schemaView(schema) : null,
        ]),
      );
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
    var toc = el('ul'),
      ops = document.getElementById('ops'),
      byTag = {};
    Object.keys(doc.paths).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method];
        var tag = (op.tags && op.tags[0]) || 'other';
        (byTag[tag] = byTag[tag] || []).push(operation(path, method, op));
        toc.appendChild(
          el('li', {}, [el('a', { href: '#op-' + op.operationId }, [el('span', { class: 'method ' + method, text: method }), path])]),
        );
      });
    });
    document.getElementById('toc').appendChild(toc);
    Object.keys(byTag).forEach(function (tag) {
      ops.appendChild(el('h2', { text: tag }));
      byTag[tag].forEach(function (box) {
        ops.appendChild(box);
      });
    });
    var schemas = document.getElementById('schemas');
    schemas.appendChild(el('h2', { text: 'Schemas' }));
    Object.keys(doc.components.schemas).forEach(function (name) {
      schemas.appendChild(el('h3', { id: 'schema-' + name, text: name }));
      schemas.appendChild(el('pre', { text: JSON.stringify(doc.components.schemas[name], null, 2) }));
    });
  }
  fetch('/api/openapi.json', { headers: { Accept: 'application/json' } })
    .then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    })
    .then(render)
    .catch(function (e) {
      document.getElementById('intro').textContent = 'The document could not be loaded: ' + e.message;
    });
})();

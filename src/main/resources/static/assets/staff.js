/* Shared by the staff pages: calls to our API in the Tasklist/Cockpit session, DOM built from text only. */
(function () {
  'use strict';

  function show(id, text) {
    var node = document.getElementById(id);
    if (!node) return;
    if (text !== undefined) node.textContent = text;
    node.hidden = false;
  }

  /** GET as JSON; 401 and 403 show the page's login or forbidden notice and reject. */
  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (r.status === 401) { show('login'); throw new Error('login'); }
      if (r.status === 403) { show('forbidden'); throw new Error('forbidden'); }
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (problem) {
          var detail = problem.errors && problem.errors.length
            ? problem.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ')
            : (problem.detail || problem.title || ('HTTP ' + r.status));
          show('error', detail);
          throw new Error(detail);
        });
      }
      return r.json();
    });
  }

  /** An element with attributes and children (strings become text nodes, never markup). */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (attrs[key] === null || attrs[key] === undefined) return;
      if (key === 'class') node.className = attrs[key]; else node.setAttribute(key, attrs[key]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function time(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '').replace('Z', '');
  }

  function clear(id) {
    var node = document.getElementById(id);
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  window.Staff = { get: get, el: el, time: time, clear: clear, show: show };
})();

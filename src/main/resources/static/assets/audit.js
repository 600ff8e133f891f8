/* The auditor's trail: find a case, read everything that happened to it; CSV, JSON and print. */
(function () {
  'use strict';
  var S = window.Staff;

  function find(event) {
    if (event) event.preventDefault();
    var params = new URLSearchParams();
    ['q', 'from', 'to'].forEach(function (name) {
      var value = document.getElementById(name).value.trim();
      if (value) params.set(name, value);
    });
    document.getElementById('error').hidden = true;
    S.get('/api/audit/cases?' + params.toString()).then(function (cases) {
      var rows = S.clear('result-rows');
      cases.forEach(function (c) {
        var link = S.el('a', { href: '#' + encodeURIComponent(c.caseNumber) }, c.caseNumber);
        rows.appendChild(S.el('tr', null, S.el('td', null, link), S.el('td', null, S.time(c.openedAt)),
          S.el('td', null, S.time(c.closedAt)), S.el('td', null, c.status),
          S.el('td', null, (c.customerName || '') + (c.customerEmail ? ' <' + c.customerEmail + '>' : '')),
          S.el('td', null, c.subject)));
      });
      if (!cases.length) rows.appendChild(S.el('tr', null, S.el('td', { colspan: 6 }, 'No case found.')));
      document.getElementById('results').hidden = false;
      if (cases.length === 1 && !location.hash) location.hash = '#' + encodeURIComponent(cases[0].caseNumber);
    }).catch(function () {});
  }

  function details(entry) {
    var d = entry.details || {};
    if (!Object.keys(d).length) return null;
    return S.el('details', null, S.el('summary', null, 'details'), S.el('pre', null, JSON.stringify(d, null, 2)));
  }

  function trail(number) {
    S.get('/api/audit/cases/' + encodeURIComponent(number)).then(function (t) {
      var f = t.caseFacts;
      document.getElementById('trail-title').textContent = 'Trail of ' + f.caseNumber + ' — ' + (f.subject || '');
      document.getElementById('csv').href = '/api/audit/cases/' + encodeURIComponent(number) + '/trail.csv';
      document.getElementById('json').href = '/api/audit/cases/' + encodeURIComponent(number);
      var facts = S.clear('facts');
      [['Customer', (f.customerName || '') + ' ' + (f.customerEmail || '') + ' ' + (f.customerPhone || '')],
        ['Arrived by', f.sourceChannel], ['Request', f.requestType], ['Priority', f.priority], ['Status', f.status],
        ['Order', f.orderReference], ['Product', f.productReference], ['Opened', S.time(f.openedAt)],
        ['First answer', S.time(f.firstAnsweredAt)], ['Closed', S.time(f.closedAt)]].forEach(function (pair) {
        facts.appendChild(S.el('dt', null, pair[0]));
        facts.appendChild(S.el('dd', null, pair[1] || '—'));
      });
      var models = S.clear('models');
      t.models.forEach(function (m) {
        models.appendChild(S.el('tr', null, S.el('td', null, (m.name || m.key) + ' (' + m.key + ')'),
          S.el('td', null, m.version + (m.versionTag ? ' · ' + m.versionTag : '')),
          S.el('td', null, S.time(m.deployedAt) + (m.deployedBy ? ' by ' + m.deployedBy : '')),
          S.el('td', null, S.time(m.started)), S.el('td', null, S.time(m.ended)), S.el('td', null, m.state)));
      });
      var rows = S.clear('entries');
      t.entries.forEach(function (e) {
        var summary = S.el('td', null, e.summary);
        var more = details(e);
        if (more) summary.appendChild(more);
        if (e.details && e.details.sop) {
          summary.appendChild(document.createTextNode(' '));
          summary.appendChild(S.el('a', { href: e.details.sop, target: '_blank', rel: 'noopener' }, 'SOP'));
        }
        rows.appendChild(S.el('tr', { 'data-kind': e.kind }, S.el('td', { class: 'when' }, S.time(e.at)),
          S.el('td', { class: 'kind' }, e.kind), S.el('td', null, e.who || ''),
          S.el('td', null, [e.process, e.element].filter(Boolean).join(' · ')), summary));
      });
      document.getElementById('trail').hidden = false;
    }).catch(function () {});
  }

  function route() {
    var number = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (number) trail(number); else document.getElementById('trail').hidden = true;
  }

  document.getElementById('search').addEventListener('submit', find);
  document.getElementById('print').addEventListener('click', function () { window.print(); });
  window.addEventListener('hashchange', route);
  route();
})();

/* The team lead's dashboard: KPIs of a period as tiles and charts (Chart.js from the webjar), the cases behind each
   number one click away, and the backlog oldest first. Data from /api/insight in the Tasklist session. */
(function () {
  'use strict';
  var S = window.Staff;
  var charts = {};

  function params() {
    var form = document.getElementById('filters');
    var out = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.name && input.value) out.set(input.name, input.value);
    });
    return out;
  }

  function pct(x) { return x === null || x === undefined ? '–' : Math.round(x * 1000) / 10 + ' %'; }
  function mins(x) {
    if (x === null || x === undefined) return '–';
    return x < 120 ? Math.round(x) + ' min' : x < 2880 ? Math.round(x / 6) / 10 + ' h' : Math.round(x / 144) / 10 + ' d';
  }

  function tile(label, value, hint, set) {
    var box = S.el('div', { class: 'tile', 'data-kpi': label }, S.el('div', { class: 'tile-value' }, value),
      S.el('div', { class: 'tile-label' }, label), hint ? S.el('div', { class: 'muted' }, hint) : null);
    if (set) {
      var link = S.el('a', { href: '#', class: 'tile-link', 'data-set': set }, 'cases');
      link.addEventListener('click', function (e) { e.preventDefault(); drill(label, set); });
      box.appendChild(link);
    }
    return box;
  }

  function drill(label, set) {
    var p = params();
    p.set('set', set);
    S.get('/api/insight/cases?' + p).then(function (list) {
      document.getElementById('drill-title').textContent = label + ' — ' + list.length + ' case(s)';
      var ul = S.clear('drill-cases');
      list.forEach(function (c) {
        ul.appendChild(S.el('li', null, S.el('a', { href: 'case.html#' + encodeURIComponent(c.caseNumber), target: '_blank', rel: 'noopener' }, c.caseNumber),
          ' ' + (c.requestType || '') + ' · ' + c.sourceChannel + ' · opened ' + S.time(c.openedAt)));
      });
      document.getElementById('drill').hidden = false;
    }).catch(function () {});
  }

  function chart(id, config) {
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, animation: false, maintainAspectRatio: true }, config.options || {});
    charts[id] = new window.Chart(document.getElementById(id), config);
  }

  function table(id, rows) {
    var body = S.clear(id);
    rows.forEach(function (cells) {
      body.appendChild(S.el('tr', null, cells.map(function (c) { return S.el('td', null, c === null ? '' : String(c)); })
        .reduce(function (tr, td) { tr.appendChild(td); return tr; }, document.createDocumentFragment())));
    });
    if (!rows.length) body.appendChild(S.el('tr', null, S.el('td', { colspan: '3', class: 'muted' }, 'none')));
  }

  function load() {
    var p = params();
    document.getElementById('csv').href = '/api/insight/kpis.csv?' + p;
    document.getElementById('json').href = '/api/insight/kpis?' + p;
    S.get('/api/insight/kpis?' + p).then(function (r) {
      document.getElementById('error').hidden = true;
      var c = r.cases;
      var tiles = S.clear('tiles');
      tiles.appendChild(tile('Opened', String(c.opened), r.period.from + ' – ' + r.period.to, 'opened'));
      tiles.appendChild(tile('Resolved', String(c.closed), 'resolution rate ' + pct(c.resolutionRate), 'closed'));
      tiles.appendChild(tile('First reply (median)', mins(r.firstReply.medianMinutes),
        'business time ' + mins(r.firstReply.businessMedianMinutes) + ' · average ' + mins(r.firstReply.averageMinutes), 'unanswered'));
      tiles.appendChild(tile('Next reply (median)', mins(r.nextReply.medianMinutes), 'business ' + mins(r.nextReply.businessMedianMinutes)));
      tiles.appendChild(tile('Resolution (median)', mins(r.resolution.medianMinutes), 'business ' + mins(r.resolution.businessMedianMinutes)));
      tiles.appendChild(tile('One-touch', pct(c.oneTouchShare), 'of resolved cases'));
      tiles.appendChild(tile('Reopened', pct(c.reopenRate), 'of resolved cases', 'reopened'));
      var breached = r.serviceLevels.reduce(function (n, t) { return n + t.breached; }, 0);
      tiles.appendChild(tile('Service levels breached', String(breached), null, 'breached'));
      tiles.appendChild(tile('CSAT (4–5 of 5)', pct(r.csat.csat), 'response rate ' + pct(r.csat.responseRate)
        + ' · solved ' + pct(r.csat.solvedShare), 'detractors'));

      chart('chart-daily', { type: 'line', data: { labels: r.daily.map(function (d) { return d.day; }), datasets: [
        { label: 'opened', data: r.daily.map(function (d) { return d.opened; }), borderColor: '#1f77b4', backgroundColor: '#1f77b4' },
        { label: 'closed', data: r.daily.map(function (d) { return d.closed; }), borderColor: '#2ca02c', backgroundColor: '#2ca02c' }] } });
      chart('chart-sla', { type: 'bar', data: { labels: r.serviceLevels.map(function (t) { return t.target; }), datasets: [
        { label: '% met', data: r.serviceLevels.map(function (t) { return t.achievement === null ? 0 : t.achievement * 100; }), backgroundColor: '#2ca02c' }] },
        options: { scales: { y: { min: 0, max: 100 } } } });
      chart('chart-departments', { type: 'bar', data: { labels: r.departments.map(function (d) { return d.department; }), datasets: [
        { label: '% on time', data: r.departments.map(function (d) { return d.achievement === null ? 0 : d.achievement * 100; }), backgroundColor: '#1f77b4' },
        { label: 'late in a breached case', data: r.departments.map(function (d) { return d.madeSlaFail; }), backgroundColor: '#d62728' }] } });
      chart('chart-channels', { type: 'bar', data: { labels: r.responseTimeBySourceChannel.map(function (x) { return x.sourceChannel; }), datasets: [
        { label: 'calendar', data: r.responseTimeBySourceChannel.map(function (x) { return x.firstReply.medianMinutes; }), backgroundColor: '#9467bd' },
        { label: 'business', data: r.responseTimeBySourceChannel.map(function (x) { return x.firstReply.businessMedianMinutes; }), backgroundColor: '#8c564b' }] } });
      chart('chart-types', { type: 'doughnut', data: { labels: r.requestTypes.map(function (x) { return x.key; }), datasets: [
        { data: r.requestTypes.map(function (x) { return x.count; }), backgroundColor: ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#7f7f7f'] }] } });
      chart('chart-backlog', { type: 'bar', data: { labels: r.backlogByAge.map(function (b) { return b.age; }), datasets: [
        { label: 'open cases', data: r.backlogByAge.map(function (b) { return b.count; }), backgroundColor: '#ff7f0e' }] } });

      table('products', r.products.map(function (x) { return [x.key, x.count, pct(x.share)]; }));
      table('procedures', r.procedures.map(function (x) { return [x.key, x.count, pct(x.share)]; }));
      table('agents', r.perAgent.map(function (a) { return [a.agent, a.cases, a.tasks]; }));
      table('sops', r.sops.map(function (x) { return [x.path, x.views, x.viewers]; }));
      document.getElementById('dashboard').hidden = false;
    }).catch(function () {});
    S.get('/api/insight/backlog?' + p).then(function (list) {
      var body = S.clear('backlog');
      list.forEach(function (c) {
        body.appendChild(S.el('tr', { class: c.overdue ? 'sla-breached' : null, 'data-case': c.caseNumber },
          S.el('td', null, S.el('a', { href: 'case.html#' + encodeURIComponent(c.caseNumber), target: '_blank', rel: 'noopener' }, c.caseNumber)),
          S.el('td', null, S.time(c.openedAt)),
          S.el('td', null, c.firstAnsweredAt ? 'overdue' : 'no answer yet'),
          S.el('td', null, c.sourceChannel), S.el('td', null, c.priority), S.el('td', null, c.subject)));
      });
      if (!list.length) body.appendChild(S.el('tr', null, S.el('td', { colspan: '6', class: 'muted' }, 'nobody is waiting')));
    }).catch(function () {});
  }

  /** Per step of one procedure's versions: a table, and the chosen version's diagram coloured by its medians. */
  function bottlenecks() {
    var p = new URLSearchParams();
    p.set('procedure', document.getElementById('bottleneck-procedure').value);
    var version = document.getElementById('bottleneck-version').value;
    if (version) p.set('version', version);
    var period = params();
    ['from', 'to'].forEach(function (k) { if (period.get(k)) p.set(k, period.get(k)); });
    S.get('/api/insight/bottlenecks?' + p).then(function (r) {
      var select = document.getElementById('bottleneck-version');
      var chosen = select.value;
      S.clear('bottleneck-version').appendChild(S.el('option', { value: '' }, 'latest'));
      r.versions.forEach(function (v) { select.appendChild(S.el('option', { value: String(v) }, 'version ' + v)); });
      select.value = chosen;
      var heat = {};
      var body = S.clear('bottlenecks');
      r.steps.slice().sort(function (a, b) { return b.version - a.version || (b.medianMinutes || 0) - (a.medianMinutes || 0); })
        .forEach(function (s) {
          if (s.version === r.version && s.heat) heat[s.activityId] = s.heat;
          body.appendChild(S.el('tr', { 'data-step': s.activityId, 'data-version': String(s.version) },
            S.el('td', null, String(s.version)), S.el('td', null, s.name || s.activityId), S.el('td', null, s.department || ''),
            S.el('td', null, String(s.count)), S.el('td', null, String(s.medianMinutes)), S.el('td', null, String(s.p90Minutes)),
            S.el('td', null, s.waitingMinutes === null || s.waitingMinutes === undefined ? '' : String(s.waitingMinutes)),
            S.el('td', null, s.workingMinutes === null || s.workingMinutes === undefined ? '' : String(s.workingMinutes))));
        });
      S.clear('bottleneck-diagram').appendChild(window.BpmnDiagram.render(r.xml, [], [], heat));
    }).catch(function () {});
  }

  document.getElementById('bottleneck-form').addEventListener('submit', function (e) { e.preventDefault(); bottlenecks(); });
  document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); load(); bottlenecks(); });
  var today = new Date();
  var from = new Date(today.getTime() - 29 * 86400000);
  document.getElementById('to').value = today.toISOString().slice(0, 10);
  document.getElementById('from').value = from.toISOString().slice(0, 10);
  load();
  bottlenecks();
})();

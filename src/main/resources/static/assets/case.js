/*
 * The case at a glance for staff: search in one box, then the case, its customer and other cases, order and
 * product, the whole thread, open tasks (to Tasklist, with their SOPs), outside requests and where it stands in each
 * procedure. Address: case.html#SC-2026-000123 (…&task=<id> marks that task and shows its SOP; &embedded=1 inside
 * Tasklist's "Case" tab).
 */
(function () {
  'use strict';
  var S = window.Staff;

  function params() {
    var out = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (part, i) {
      if (!part) return;
      var eq = part.indexOf('=');
      if (i === 0 && eq < 0) out['case'] = decodeURIComponent(part);
      else if (eq > 0) out[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1));
    });
    return out;
  }

  function tasklistLink(task) {
    // A new tab: inside Tasklist's "Case" tab this page is a sandboxed frame that may not steer Tasklist itself.
    return S.el('a', { href: '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(task.id),
      target: '_blank', rel: 'noopener' }, task.name);
  }

  function sopLink(task) {
    return task.sop ? S.el('a', { href: task.sop, target: '_blank', rel: 'noopener' }, 'SOP') : null;
  }

  function facts(id, pairs) {
    var list = S.clear(id);
    pairs.forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === '') return;
      list.appendChild(S.el('dt', null, pair[0]));
      list.appendChild(S.el('dd', null, String(pair[1])));
    });
  }

  function search(event) {
    if (event) event.preventDefault();
    var q = document.getElementById('q').value.trim();
    if (!q) return;
    document.getElementById('error').hidden = true;
    S.get('/api/desk/search?q=' + encodeURIComponent(q)).then(function (hits) {
      if (hits.length === 1) { location.hash = '#' + encodeURIComponent(hits[0].found.caseNumber); return; }
      var rows = S.clear('result-rows');
      hits.forEach(function (hit) {
        var f = hit.found;
        var tasks = S.el('td');
        hit.tasks.forEach(function (t) { tasks.appendChild(S.el('div', null, tasklistLink(t))); });
        rows.appendChild(S.el('tr', null,
          S.el('td', null, S.el('a', { href: '#' + encodeURIComponent(f.caseNumber) }, f.caseNumber)),
          S.el('td', null, S.time(f.openedAt)), S.el('td', null, f.status),
          S.el('td', null, (f.customerName || '') + (f.customerEmail ? ' <' + f.customerEmail + '>' : '')),
          S.el('td', null, f.subject), tasks));
      });
      if (!hits.length) rows.appendChild(S.el('tr', null, S.el('td', { colspan: 6 }, 'No case found that you may read.')));
      document.getElementById('results').hidden = false;
      document.getElementById('case').hidden = true;
    }).catch(function () {});
  }

  function show(number, taskId) {
    var base = '/api/desk/cases/' + encodeURIComponent(number);
    S.get(base).then(function (d) {
      var c = d.caseFacts;
      document.title = c.caseNumber + ' — ' + c.subject;
      document.getElementById('case-title').textContent = c.caseNumber + ' — ' + c.subject;
      facts('facts', [['Status', c.status], ['Arrived by', c.sourceChannel], ['Request', c.requestType],
        ['Priority', c.priority], ['Opened', S.time(c.openedAt)], ['First answer', S.time(c.firstAnsweredAt)],
        ['Closed', S.time(c.closedAt)], ['Reopened', c.reopenCount ? c.reopenCount + '×, last ' + S.time(c.reopenedAt)
          : null], ['Follow-up of', c.followUpOf], ['Serial number', c.serialNumber]]);
      var cu = d.customer || {};
      facts('customer', [['Name', cu.name], ['Email', cu.email], ['Phone', cu.phone], ['Type', cu.type]]);
      var others = S.clear('other-cases');
      d.otherCases.forEach(function (o) {
        others.appendChild(S.el('li', null, S.el('a', { href: '#' + encodeURIComponent(o.caseNumber) }, o.caseNumber),
          ' ' + o.subject + ' — ' + o.status + ', ' + S.time(o.openedAt)));
      });
      if (!d.otherCases.length) others.appendChild(S.el('li', { class: 'muted' }, 'none'));
      var o = d.order || {}, p = d.product || {};
      facts('order', [['Order', o.orderNumber || c.orderReference], ['Sales channel', o.salesChannel],
        ['Fulfilment', o.fulfilment], ['Retailer', o.retailerName], ['Purchased', o.purchaseDate],
        ['Delivered', o.deliveryDate], ['Product', p.sku ? p.sku + ' — ' + p.name : c.productReference],
        ['Category', p.category], ['Warranty (months)', p.warrantyMonths], ['Supplier', p.supplier]]);
      var lines = S.clear('lines');
      d.orderLines.forEach(function (l) {
        lines.appendChild(S.el('tr', null, S.el('td', null, l.sku), S.el('td', null, l.name),
          S.el('td', null, String(l.quantity)), S.el('td', null, String(l.unitPrice))));
      });
      var thread = S.clear('thread');
      d.thread.forEach(function (m) {
        var out = m.direction === 'OUTBOUND';
        thread.appendChild(S.el('div', { class: 'message' + (out ? ' out' : '') },
          S.el('div', { class: 'muted' }, (out ? 'To customer' : 'From ' + (m.author || 'customer')) + ' · ' + m.channel
            + ' · ' + S.time(m.at) + (m.deliveryFailure ? ' · NOT DELIVERED: ' + m.deliveryFailure : '')),
          m.subject ? S.el('strong', null, m.subject) : null, S.el('pre', null, m.body)));
      });
      var files = S.clear('attachments');
      d.attachments.forEach(function (f) {
        var href = '/api/cases/' + encodeURIComponent(c.caseNumber) + '/attachments/' + f.id;
        var image = /^image\/(jpeg|png|webp)$/.test(f.contentType);
        files.appendChild(S.el('li', { 'data-attachment': f.id },
          S.el('a', { href: href, target: '_blank', rel: 'noopener' },
            image ? S.el('img', { src: href, alt: f.fileName }) : null, f.fileName),
          S.el('div', { class: 'muted' }, Math.max(1, Math.round(f.size / 1024)) + ' KB · ' + f.source + ' · '
            + S.time(f.uploadedAt))));
      });
      if (!d.attachments.length) files.appendChild(S.el('li', { class: 'muted' }, 'none'));
      var tasks = S.clear('tasks');
      d.tasks.forEach(function (t) {
        var mine = t.id === taskId;
        tasks.appendChild(S.el('li', { class: mine ? 'current-task' : null, 'data-task': t.id }, tasklistLink(t),
          ' — ' + t.groups.join(', ') + (t.assignee ? ' · with ' + t.assignee : ' · unclaimed')
            + (t.due ? ' · due ' + S.time(t.due) : '') + ' ', sopLink(t)));
        if (mine && t.sop) {
          document.getElementById('sop').src = t.sop;
          document.getElementById('sop-link').href = t.sop;
          document.getElementById('sop-panel').hidden = false;
        }
      });
      if (!d.tasks.length) tasks.appendChild(S.el('li', { class: 'muted' }, 'no open task'));
      var levels = S.clear('service-levels');
      d.serviceLevels.forEach(function (l) {
        var late = l.breachedAt ? 'breached ' + S.time(l.breachedAt) : null;
        levels.appendChild(S.el('tr', { class: 'sla-' + l.status.replace(' ', '-'), 'data-status': l.status },
          S.el('td', null, l.measure), S.el('td', null, late || l.status + (l.pauses ? ' (paused ' + l.pauses + '×)' : '')),
          S.el('td', null, S.time(l.dueAt) + (l.stoppedAt ? ' · stopped ' + S.time(l.stoppedAt) : '')),
          S.el('td', null, l.target + (l.expediteNote ? ' · team lead ' + (l.expeditedBy || '') + ': ' + l.expediteNote
            : ''))));
      });
      if (!d.serviceLevels.length) levels.appendChild(S.el('tr', null, S.el('td', { colspan: '4', class: 'muted' }, 'none')));
      var requests = S.clear('requests');
      d.outsideRequests.forEach(function (r) {
        requests.appendChild(S.el('li', null, r.system + ' · ' + r.operation + (r.reference ? ' ' + r.reference : '')
          + ' — ' + r.status + ' (' + r.responsibleGroup + ', ' + S.time(r.requestedAt) + ')'
          + (r.result ? ': ' + r.result : '')));
      });
      if (!d.outsideRequests.length) requests.appendChild(S.el('li', { class: 'muted' }, 'none'));
      var diagrams = S.clear('diagrams');
      d.processes.forEach(function (proc) {
        var box = S.el('div', { 'data-process': proc.key },
          S.el('h3', null, (proc.name || proc.key) + ' (version ' + proc.version + ') — ' + proc.state));
        diagrams.appendChild(box);
        S.get(base + '/diagrams/' + encodeURIComponent(proc.processInstanceId)).then(function (g) {
          box.appendChild(window.BpmnDiagram.render(g.xml, g.active, g.done));
        }).catch(function () {});
      });
      document.getElementById('results').hidden = true;
      document.getElementById('case').hidden = false;
    }).catch(function () {});
  }

  function route() {
    var p = params();
    if (p.embedded) document.body.classList.add('embedded');
    if (p.q) {
      document.getElementById('q').value = p.q;
      search();
    } else if (p['case']) {
      show(p['case'], p.task);
    } else if (p.task) {
      S.get('/api/desk/tasks/' + encodeURIComponent(p.task)).then(function (found) {
        show(found.caseNumber, p.task);
      }).catch(function () {});
    }
  }

  document.getElementById('search').addEventListener('submit', search);
  window.addEventListener('hashchange', route);
  route();
})();

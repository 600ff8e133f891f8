/*
 * Draws a BPMN model from its diagram interchange (shapes and edges) as SVG, marking the steps the case is at and
 * those it has passed. No library: the model's own coordinates are enough to show where a case stands.
 */
(function () {
  'use strict';
  var BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
  var DI = 'http://www.omg.org/spec/BPMN/20100524/DI';
  var DC = 'http://www.omg.org/spec/DD/20100524/DC';
  var DDI = 'http://www.omg.org/spec/DD/20100524/DI';
  var SVG = 'http://www.w3.org/2000/svg';

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function num(node, name) { return parseFloat(node.getAttribute(name)) || 0; }

  function label(group, text, x, y, width) {
    if (!text) return;
    var words = text.split(/\s+/), lines = [''], max = Math.max(8, Math.floor(width / 6));
    words.forEach(function (w) {
      var last = lines.length - 1;
      if ((lines[last] + ' ' + w).trim().length > max && lines[last]) lines.push(w);
      else lines[last] = (lines[last] + ' ' + w).trim();
    });
    lines.slice(0, 4).forEach(function (line, i) {
      var t = svg('text', { x: x, y: y + i * 13, 'text-anchor': 'middle' });
      t.textContent = line;
      group.appendChild(t);
    });
  }

  /** @return an SVG element; data-id on each shape is the model element's id. */
  /** {@code heat} (optional): activity id to a level 1-5 (the bottleneck view colours the slowest steps). */
  function render(xml, active, done, heat) {
    var doc = new DOMParser().parseFromString(xml, 'application/xml');
    var elements = {};
    Array.prototype.forEach.call(doc.getElementsByTagNameNS(BPMN, '*'), function (e) {
      if (e.getAttribute('id')) elements[e.getAttribute('id')] = e;
    });
    var root = svg('svg', { xmlns: SVG });
    var defs = svg('defs');
    var marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7,
      orient: 'auto-start-reverse' });
    marker.appendChild(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#555' }));
    defs.appendChild(marker);
    root.appendChild(defs);
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    function grow(x, y) { minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); }

    Array.prototype.forEach.call(doc.getElementsByTagNameNS(DI, 'BPMNShape'), function (shape) {
      var id = shape.getAttribute('bpmnElement');
      var element = elements[id];
      var bounds = shape.getElementsByTagNameNS(DC, 'Bounds')[0];
      if (!element || !bounds) return;
      var x = num(bounds, 'x'), y = num(bounds, 'y'), w = num(bounds, 'width'), h = num(bounds, 'height');
      grow(x, y); grow(x + w, y + h);
      var type = element.localName;
      var state = active.indexOf(id) >= 0 ? ' current' : done.indexOf(id) >= 0 ? ' done' : '';
      var lane = type === 'lane' || type === 'participant' || (type === 'subProcess' && h > 150);
      var level = heat && heat[id] ? ' heat-' + heat[id] : '';
      var group = svg('g', { 'class': (lane ? 'lane' : 'shape') + state + level, 'data-id': id });
      var title = svg('title');
      title.textContent = (element.getAttribute('name') || id) + (state ? ' (' + state.trim() + ')' : '');
      group.appendChild(title);
      var name = element.getAttribute('name');
      if (/Event$/.test(type)) {
        group.appendChild(svg('circle', { cx: x + w / 2, cy: y + h / 2, r: w / 2,
          'stroke-width': type === 'endEvent' ? 3 : 1.5 }));
        label(group, name, x + w / 2, y + h + 14, 90);
      } else if (/Gateway$/.test(type)) {
        group.appendChild(svg('polygon', { points: [x + w / 2, y, x + w, y + h / 2, x + w / 2, y + h, x, y + h / 2].join(' ') }));
        label(group, name, x + w / 2, y + h + 14, 100);
      } else if (lane) {
        group.appendChild(svg('rect', { x: x, y: y, width: w, height: h }));
        var t = svg('text', { x: x + 14, y: y + h / 2, transform: 'rotate(-90 ' + (x + 14) + ' ' + (y + h / 2) + ')',
          'text-anchor': 'middle' });
        t.textContent = name || '';
        group.appendChild(t);
      } else {
        group.appendChild(svg('rect', { x: x, y: y, width: w, height: h, rx: 8, ry: 8 }));
        label(group, name, x + w / 2, y + h / 2 - 4, w);
      }
      root.appendChild(group);
    });
    Array.prototype.forEach.call(doc.getElementsByTagNameNS(DI, 'BPMNEdge'), function (edge) {
      var points = Array.prototype.map.call(edge.getElementsByTagNameNS(DDI, 'waypoint'), function (p) {
        grow(num(p, 'x'), num(p, 'y'));
        return num(p, 'x') + ',' + num(p, 'y');
      });
      if (points.length < 2) return;
      root.appendChild(svg('polyline', { points: points.join(' '), 'class': 'edge', 'marker-end': 'url(#arrow)' }));
    });
    if (minX === Infinity) return root;
    root.setAttribute('viewBox', [minX - 10, minY - 10, maxX - minX + 20, maxY - minY + 40].join(' '));
    return root;
  }

  window.BpmnDiagram = { render: render };
})();

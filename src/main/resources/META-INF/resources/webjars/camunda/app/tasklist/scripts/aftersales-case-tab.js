/*
 * Tasklist plugin: a "Case" tab beside Form, History, Diagram and Description. It frames our staff page
 * /case.html for the selected task, in the same session (no second login).
 */
const caseTab = {
  id: 'aftersales.case',
  pluginPoint: 'tasklist.task.detail',
  priority: 100,
  properties: { label: 'Case' },
  render: function (node, context) {
    var frame = document.createElement('iframe');
    frame.className = 'aftersales-case';
    frame.title = 'The case of this task';
    frame.setAttribute('src', '/case.html#task=' + encodeURIComponent(context.taskId) + '&embedded=1');
    frame.setAttribute('width', '100%');
    frame.setAttribute('height', '900');
    frame.setAttribute('frameborder', '0');
    while (node.firstChild) node.removeChild(node.firstChild);
    node.appendChild(frame);
  }
};

/*
 * A search box in Tasklist's header: a case number, RMA, order or tracking number, or the customer's email finds the
 * case and its tasks in one step (the case page opens in a new tab with the results).
 */
const caseSearch = {
  id: 'aftersales.case-search',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: function (node) {
    var form = document.createElement('form');
    form.className = 'aftersales-case-search navbar-form';
    var input = document.createElement('input');
    input.type = 'search';
    input.className = 'form-control input-sm';
    input.placeholder = 'Find case: number, RMA, order, tracking, email';
    input.setAttribute('aria-label', 'Find a case by number, RMA, order, tracking number or customer email');
    input.maxLength = 320;
    form.appendChild(input);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var q = input.value.trim();
      if (q) window.open('/case.html#q=' + encodeURIComponent(q), '_blank', 'noopener');
    });
    while (node.firstChild) node.removeChild(node.firstChild);
    node.appendChild(form);
  }
};

export default [caseTab, caseSearch];

// SOP links in task forms open in a new tab, so an answer being written in the form is not lost.
document.addEventListener('click', function (event) {
  var link = event.target && event.target.closest ? event.target.closest('a[href^="/sop/"]') : null;
  if (!link) return;
  event.preventDefault();
  window.open(link.href, '_blank', 'noopener');
}, true);

/*
 * Tasklist plugin: a "Case" tab beside Form, History, Diagram and Description. It frames our staff page
 * /case.html for the selected task, in the same session (no second login).
 */
export default {
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

// SOP links in task forms open in a new tab, so an answer being written in the form is not lost.
document.addEventListener('click', function (event) {
  var link = event.target && event.target.closest ? event.target.closest('a[href^="/sop/"]') : null;
  if (!link) return;
  event.preventDefault();
  window.open(link.href, '_blank', 'noopener');
}, true);

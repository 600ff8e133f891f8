/*
 * "Check my case" forms (start page, status page): open status.html#case=...&token=... A plain GET form
 * would put the access token into the query, which reaches the server's logs and Referer headers; the
 * fragment never leaves the browser.
 */
(function () {
  'use strict';
  var forms = document.querySelectorAll('form.case-lookup');
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var target = 'status.html#case=' + encodeURIComponent(form.elements['case'].value.trim())
        + '&token=' + encodeURIComponent(form.elements['token'].value.trim());
      var here = window.location.pathname.replace(/^.*\//, '') === 'status.html';
      window.location.assign(target);
      if (here) window.location.reload(); // only the fragment changed: load the case it names
    });
  });
})();

/*
 * Photos and documents for a case, shared by the web form (right after it opened the case) and the status page.
 * The server decides by the files' bytes; this only spares the customer an upload that cannot succeed.
 */
(function () {
  'use strict';
  var MAX_FILES = 5;
  var MAX_BYTES = 10 * 1024 * 1024;
  var TYPES = /^(image\/(jpeg|png|webp|heic|heif)|application\/pdf)$/;
  var NAMES = /\.(jpe?g|png|webp|heic|heif|pdf)$/i;

  /** Problems with the chosen files, in words (empty when they may be sent). */
  function problems(files) {
    var out = [];
    if (files.length > MAX_FILES) out.push('Please choose at most ' + MAX_FILES + ' files at once.');
    Array.prototype.forEach.call(files, function (f) {
      if (f.size > MAX_BYTES) out.push('"' + f.name + '" is larger than 10 MB.');
      else if (!TYPES.test(f.type || '') && !NAMES.test(f.name)) out.push('"' + f.name + '" is not a photo or a PDF.');
    });
    return out;
  }

  /** Sends the files; resolves with the server's answer or rejects with a message for the customer. */
  function send(caseNumber, token, files, source) {
    var body = new FormData();
    Array.prototype.forEach.call(files, function (f) { body.append('files', f, f.name); });
    body.append('source', source);
    return fetch('/api/cases/' + encodeURIComponent(caseNumber) + '/attachments', {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'X-Case-Token': token, 'Accept': 'application/json, application/problem+json' }
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.ok) return data;
        var detail = data && data.errors && data.errors.length
          ? data.errors.map(function (e) { return e.message; }).join(' ')
          : (data && (data.detail || data.title)) || ('The upload failed (HTTP ' + res.status + ').');
        throw new Error(detail);
      });
    }, function () { throw new Error('We could not reach our server; please try again.'); });
  }

  /** Lists the case's files; each opens through the token header, never with the token in an address. */
  function list(caseNumber, token, into) {
    return fetch('/api/cases/' + encodeURIComponent(caseNumber) + '/attachments', {
      credentials: 'same-origin', cache: 'no-store', headers: { 'X-Case-Token': token, 'Accept': 'application/json' }
    }).then(function (res) { return res.ok ? res.json() : []; }).then(function (files) {
      while (into.firstChild) into.removeChild(into.firstChild);
      files.forEach(function (f) {
        var li = document.createElement('li');
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'link-button';
        button.textContent = f.fileName;
        button.addEventListener('click', function () {
          fetch('/api/cases/' + encodeURIComponent(caseNumber) + '/attachments/' + f.id, {
            credentials: 'same-origin', headers: { 'X-Case-Token': token }
          }).then(function (res) { return res.blob(); }).then(function (blob) {
            var a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = f.fileName;
            document.body.appendChild(a);
            a.click();
            setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
          });
        });
        li.appendChild(button);
        li.appendChild(document.createTextNode(' (' + Math.max(1, Math.round(f.size / 1024)) + ' KB)'));
        into.appendChild(li);
      });
      return files;
    });
  }

  window.AftersalesUpload = { problems: problems, send: send, list: list, MAX_FILES: MAX_FILES };
})();

/*
 * Contact form: POST /api/cases as JSON, one Idempotency-Key per form fill (a double click or a retry
 * never opens a second case), field errors from problem+json shown next to their fields.
 * Server text is only ever written with textContent.
 */
(function () {
  'use strict';

  var API = 'api/cases'; // relative, so the pages also work under a context path
  var REQUEST_TYPES = ['RETURN', 'WARRANTY', 'SPARE_PART', 'INFORMATION'];

  // API field path -> id of the input (and of its error element "err-" + id).
  var FIELDS = {
    'customer.name': 'name',
    'customer.email': 'email',
    'customer.phone': 'phone',
    'customer.emailOrPhone': 'contact',
    orderNumber: 'orderNumber',
    productSku: 'productSku',
    serialNumber: 'serialNumber',
    purchaseDate: 'purchaseDate',
    requestType: 'requestType',
    subject: 'subject',
    message: 'message',
    files: 'files'
  };
  var LABELS = {
    name: 'Your name',
    email: 'Email address',
    phone: 'Phone number',
    contact: 'Email or phone',
    orderNumber: 'Order number',
    productSku: 'Product / article number',
    serialNumber: 'Serial number',
    purchaseDate: 'Purchase date',
    requestType: 'What is it about?',
    subject: 'Subject',
    message: 'Message',
    files: 'Photos or documents'
  };

  var $ = function (id) { return document.getElementById(id); };
  var form = $('contact-form');
  if (!form) return;
  var submitBtn = $('submit');
  var alertBox = $('form-alert');
  var busy = false;
  var idempotencyKey = newKey();

  /** A v4 UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
  function newKey() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === 'function') {
      try { return c.randomUUID(); } catch (e) { /* not a secure context: fall through */ }
    }
    var b = new Uint8Array(16);
    if (c && c.getRandomValues) {
      c.getRandomValues(b);
    } else {
      for (var i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function todayIso() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function value(id) {
    var el = $(id);
    return el ? el.value.trim() : '';
  }

  /** Optional fields the customer left blank are omitted, never sent as "". */
  function collect() {
    var customer = {};
    [['name', 'name'], ['email', 'email'], ['phone', 'phone']].forEach(function (p) {
      var v = value(p[1]);
      if (v) customer[p[0]] = v;
    });
    var body = { channel: 'WEB_FORM', customer: customer };
    ['orderNumber', 'productSku', 'serialNumber', 'purchaseDate', 'requestType'].forEach(function (id) {
      var v = value(id);
      if (v) body[id] = v;
    });
    body.subject = value('subject');
    body.message = value('message');
    return body;
  }

  /** Quick checks that mirror the server's rules; the server stays the authority. */
  function validate(body) {
    var errors = [];
    var c = body.customer;
    if (!c.email && !c.phone) {
      errors.push({ field: 'customer.emailOrPhone', message: 'Give an email address or a phone number so we can answer.' });
    }
    if (c.email && !/^[^\s@]+@[^\s@]+$/.test(c.email)) {
      errors.push({ field: 'customer.email', message: 'Enter an email address like name@example.com.' });
    }
    if (c.phone && !/^\+?[0-9 ()-]{5,30}$/.test(c.phone)) {
      errors.push({ field: 'customer.phone', message: 'Enter a phone number like +49 170 1234567.' });
    }
    if (body.purchaseDate) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(body.purchaseDate)) {
        errors.push({ field: 'purchaseDate', message: 'Enter the date as YYYY-MM-DD.' });
      } else if (body.purchaseDate > todayIso()) {
        errors.push({ field: 'purchaseDate', message: 'The purchase date cannot be in the future.' });
      }
    }
    if (!body.subject) errors.push({ field: 'subject', message: 'Enter a subject.' });
    if (!body.message) errors.push({ field: 'message', message: 'Tell us what happened.' });
    window.AftersalesUpload.problems($('files').files).forEach(function (problem) {
      errors.push({ field: 'files', message: problem });
    });
    return errors;
  }

  // ---- error display ------------------------------------------------------------------------

  function capitalize(s) {
    s = String(s == null ? '' : s);
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function clearErrors() {
    Object.keys(LABELS).forEach(function (id) {
      var err = $('err-' + id);
      if (err) err.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    alertBox.hidden = true;
    $('form-alert-title').textContent = 'There is a problem';
    $('form-alert-detail').textContent = '';
    $('form-alert-list').textContent = '';
  }

  function inputsFor(id) {
    if (id === 'contact') return [$('email'), $('phone')];
    var el = $(id);
    return el ? [el] : [];
  }

  function showAlert(title, detail, items, kind) {
    alertBox.className = 'alert alert-' + (kind || 'error');
    $('form-alert-title').textContent = title;
    var d = $('form-alert-detail');
    d.textContent = detail || '';
    d.hidden = !detail;
    var list = $('form-alert-list');
    list.textContent = '';
    (items || []).forEach(function (item) {
      var li = document.createElement('li');
      if (item.target) {
        var a = document.createElement('a');
        a.href = '#' + item.target.id;
        a.textContent = item.text;
        a.addEventListener('click', function (e) {
          e.preventDefault();
          item.target.focus();
        });
        li.appendChild(a);
      } else {
        li.textContent = item.text;
      }
      list.appendChild(li);
    });
    list.hidden = !list.children.length;
    alertBox.hidden = false;
    alertBox.focus();
  }

  /** Puts each message next to its field; fields without a place on the page go to the summary. */
  function showFieldErrors(errors, detail) {
    var items = [];
    errors.forEach(function (e) {
      var id = FIELDS[e.field];
      var text = capitalize(e.message || 'is invalid');
      var err = id && $('err-' + id);
      if (err) {
        err.textContent = err.textContent ? err.textContent + ' ' + text : text;
        var inputs = inputsFor(id);
        inputs.forEach(function (el) { el.setAttribute('aria-invalid', 'true'); });
        items.push({ text: LABELS[id] + ': ' + text, target: inputs[0] });
      } else {
        var where = e.field && e.field !== 'body' ? e.field + ': ' : '';
        items.push({ text: where + text });
      }
    });
    showAlert('Please check your request', detail, items);
  }

  // ---- submission ---------------------------------------------------------------------------

  function setBusy(on) {
    busy = on;
    submitBtn.disabled = on;
    submitBtn.setAttribute('aria-busy', on ? 'true' : 'false');
    submitBtn.querySelector('.spinner').hidden = !on;
    submitBtn.querySelector('.btn-label').textContent = on ? 'Sending…' : 'Send request';
    $('form-status').textContent = on ? 'Sending your request…' : '';
  }

  function readBody(res) {
    return res.text().then(function (text) {
      if (!text) return null;
      try { return JSON.parse(text); } catch (e) { return null; }
    });
  }

  function handleProblem(status, problem) {
    problem = problem || {};
    var errors = Array.isArray(problem.errors) ? problem.errors : [];
    if (status === 400 && errors.length) {
      showFieldErrors(errors, problem.detail);
      return;
    }
    if (status === 422 && /idempotency-key-reused$/.test(problem.type || '')) {
      // An earlier attempt of this form reached us (its answer was lost) and the form changed since.
      idempotencyKey = newKey();
      showAlert('Your earlier attempt already reached us',
        'We already opened a case from a previous attempt of this form. If you gave an email address, ' +
        'you will receive its confirmation shortly. If you changed your request and want to send it as a ' +
        'separate request as well, press "Send request" again.', null, 'warning');
      return;
    }
    var title = problem.title || 'Your request could not be sent';
    var detail = problem.detail;
    if (status === 413) {
      title = problem.title || 'Your request is too large';
      detail = detail || 'Please shorten your message and try again.';
    } else if (status >= 500) {
      detail = detail || 'Something went wrong on our side. Please try again in a moment; you will not get a duplicate case.';
    } else {
      detail = detail || 'Please check your entries and try again.';
    }
    showAlert(title, detail + (status ? ' (Error ' + status + ')' : ''));
  }

  function safeUrl(url) {
    try {
      var u = new URL(url, window.location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function showConfirmation(data, hadEmail) {
    var caseNumber = String(data.caseNumber || '');
    var token = String(data.accessToken || '');
    // Built on the address the customer is using, so it works whatever the configured public URL says.
    var url = safeUrl('status.html#case=' + encodeURIComponent(caseNumber) + '&token=' + encodeURIComponent(token));
    $('case-number').textContent = caseNumber;
    $('access-token').textContent = token;
    $('status-url').value = url || '';
    $('status-link').href = url || 'status.html';
    $('copy-status').textContent = '';
    $('email-note').textContent = hadEmail
      ? 'You will shortly receive a confirmation email with your case number.'
      : 'As you did not give us an email address, the link below is how you follow your case — please keep it.';
    form.hidden = true;
    $('intro').hidden = true;
    alertBox.hidden = true;
    $('confirmation').hidden = false;
    document.title = 'Request received — ' + caseNumber;
    window.scrollTo(0, 0);
    $('confirmation-title').focus();
  }

  /** The chosen photos and documents go to the new case with its token; a failure is told, the case stands. */
  function attachFiles(data) {
    var files = $('files').files;
    var note = $('files-note');
    if (!files || !files.length) return;
    note.className = 'alert alert-info';
    note.textContent = 'Attaching ' + files.length + ' file(s)…';
    note.hidden = false;
    window.AftersalesUpload.send(data.caseNumber, data.accessToken, files, 'WEB_FORM').then(function (answer) {
      note.textContent = answer.attachments.length + ' file(s) attached to your case.';
    }, function (error) {
      note.className = 'alert alert-warning';
      note.textContent = 'Your request was received, but your files could not be attached: ' + error.message
        + ' You can attach them on your case page (your personal link below).';
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) return;
    clearErrors();
    var body = collect();
    var errors = validate(body);
    if (errors.length) {
      showFieldErrors(errors, errors.length === 1 ? '1 field needs your attention.' : errors.length + ' fields need your attention.');
      return;
    }
    setBusy(true);
    fetch(API, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json, application/problem+json',
        'Idempotency-Key': idempotencyKey
      },
      body: JSON.stringify(body)
    }).then(function (res) {
      return readBody(res).then(function (data) {
        if (res.ok) {
          idempotencyKey = newKey(); // only a success starts a new form fill
          if (data && data.caseNumber) {
            showConfirmation(data, !!body.customer.email);
            attachFiles(data);
          } else {
            showAlert('Your request was received',
              'We could not display your case number. If you gave an email address, you will receive it by email.',
              null, 'info');
          }
        } else {
          handleProblem(res.status, data);
        }
      });
    }).catch(function () {
      showAlert('We could not reach our server',
        'Please check your internet connection and press "Send request" again. ' +
        'Your entries are still here, and you will not get a duplicate case.');
    }).then(function () {
      setBusy(false);
    });
  });

  // Editing a field clears its own error message.
  form.addEventListener('input', function (event) {
    var id = event.target && event.target.id;
    if (!id || !event.target.hasAttribute('aria-invalid')) return;
    var errId = id === 'email' || id === 'phone' ? [id, 'contact'] : [id];
    errId.forEach(function (x) {
      var err = $('err-' + x);
      if (err) err.textContent = '';
      inputsFor(x).forEach(function (el) { el.removeAttribute('aria-invalid'); });
    });
  });

  // Character counter for the message.
  var message = $('message');
  var counter = $('message-count');
  var max = Number(message.getAttribute('maxlength')) || 20000;
  function updateCount() {
    counter.textContent = message.value.length.toLocaleString('en') + ' / ' + max.toLocaleString('en') + ' characters';
  }
  message.addEventListener('input', updateCount);

  // Copy the personal link.
  $('copy-link').addEventListener('click', function () {
    var input = $('status-url');
    var done = function () { $('copy-status').textContent = 'Link copied.'; };
    var fallback = function () {
      input.focus();
      input.select();
      try {
        if (document.execCommand('copy')) { done(); return; }
      } catch (e) { /* ignore */ }
      $('copy-status').textContent = 'Press Ctrl+C (or Cmd+C) to copy the selected link.';
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(input.value).then(done, fallback);
    } else {
      fallback();
    }
  });

  $('new-request').addEventListener('click', function () {
    form.reset();
    clearErrors();
    updateCount();
    $('confirmation').hidden = true;
    $('intro').hidden = false;
    form.hidden = false;
    document.title = 'Contact customer care';
    $('name').focus();
  });

  // Setup: no future purchase dates, topic preselected from ?type=, counter.
  $('purchaseDate').max = todayIso();
  var preset = new URLSearchParams(window.location.search).get('type');
  if (preset && REQUEST_TYPES.indexOf(preset.toUpperCase()) >= 0) {
    $('requestType').value = preset.toUpperCase();
  }
  updateCount();
})();

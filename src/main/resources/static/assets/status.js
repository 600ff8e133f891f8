/*
 * Case status page: status.html#case=SC-2026-000001&token=... shows the case and its messages and
 * lets the customer reply. The token stays in the fragment, which the browser never sends to a server,
 * and travels to the API in the X-Case-Token header, not in an address.
 * Server text is only ever written with textContent.
 */
(function () {
  'use strict';

  var STATUS = {
    NEW: { label: 'Received', text: 'We have received your request. Our customer care team will answer you soon.' },
    IN_PROGRESS: { label: 'In progress', text: 'Our customer care team is working on your request.' },
    CLOSED: { label: 'Closed', text: 'This case is closed.' }
  };
  var REQUEST_TYPES = {
    RETURN: 'Return',
    WARRANTY: 'Warranty claim',
    SPARE_PART: 'Spare part',
    INFORMATION: 'Question / information'
  };
  var CHANNELS = {
    EMAIL: 'Email',
    WEB_FORM: 'Web form',
    CHAT: 'Chat',
    CHATBOT: 'Chatbot',
    WHATSAPP: 'WhatsApp',
    SOCIAL_MEDIA: 'Social media',
    PORTAL: 'Case page',
    PHONE: 'Phone'
  };

  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  var legacy = new URLSearchParams(window.location.search);
  if (!params.get('token') && legacy.get('token')) {
    // An older link carried the token in the query: use it, and take it out of the address bar and history.
    params = legacy;
    window.history.replaceState(null, '', 'status.html#' + fragment(legacy.get('case') || '', legacy.get('token')));
  }
  var caseNumber = (params.get('case') || '').trim().toUpperCase();
  var token = (params.get('token') || '').trim();

  function fragment(number, secret) {
    return 'case=' + encodeURIComponent(number.trim()) + '&token=' + encodeURIComponent(secret.trim());
  }

  var loading = false;
  var sending = false;
  var replyBlocked = false; // the case closed while the customer was writing: keep their text, no sending
  var dateFormat = makeFormat();

  function makeFormat() {
    try {
      return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    } catch (e) {
      return { format: function (d) { return d.toLocaleString(); } };
    }
  }

  /** ISO-8601 (any number of fraction digits) or epoch seconds -> Date, or null. */
  function toDate(value) {
    if (value == null || value === '') return null;
    var d = typeof value === 'number'
      ? new Date(value * 1000)
      : new Date(String(value).replace(/(\.\d{3})\d+/, '$1'));
    return isNaN(d.getTime()) ? null : d;
  }

  function timeElement(value) {
    var d = toDate(value);
    var t = document.createElement('time');
    if (d) {
      t.dateTime = d.toISOString();
      t.textContent = dateFormat.format(d);
    } else {
      t.textContent = value == null ? '' : String(value);
    }
    return t;
  }

  function label(map, value) {
    if (value == null || value === '') return '';
    if (Object.prototype.hasOwnProperty.call(map, value)) return map[value];
    var s = String(value).toLowerCase().replace(/_/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function readBody(res) {
    return res.text().then(function (text) {
      if (!text) return null;
      try { return JSON.parse(text); } catch (e) { return null; }
    });
  }

  function apiUrl(suffix) {
    return 'api/cases/' + encodeURIComponent(caseNumber) + (suffix || '');
  }

  function headers(extra) {
    var h = { 'Accept': 'application/json, application/problem+json', 'X-Case-Token': token };
    Object.keys(extra || {}).forEach(function (k) { h[k] = extra[k]; });
    return h;
  }

  // ---- page states --------------------------------------------------------------------------

  function showOnly(id) {
    ['loading', 'lookup', 'load-error', 'case'].forEach(function (x) {
      $(x).hidden = x !== id;
    });
  }

  function showLookup(notFound) {
    $('lookup-case').value = caseNumber;
    $('lookup-token').value = token;
    $('lookup-alert').hidden = !notFound;
    showOnly('lookup');
    document.title = 'Check my case — Customer Care';
    if (notFound) $('lookup-title').focus();
  }

  function showLoadError(problem, status) {
    showOnly('load-error');
    var detail = (problem && problem.detail) ||
      (status ? 'Something went wrong on our side (error ' + status + '). Please try again in a moment.'
              : 'We could not reach our server. Please check your internet connection and try again.');
    $('load-error-detail').textContent = detail;
    $('load-error').focus();
  }

  // ---- loading and rendering ----------------------------------------------------------------

  /**
   * Fetches the case. opts.initial: first load (full-page states); otherwise a refresh that keeps
   * the current view on errors.
   */
  function load(opts) {
    opts = opts || {};
    if (loading) return Promise.resolve();
    loading = true;
    if (opts.initial) showOnly('loading');
    $('refresh').disabled = true;
    return fetch(apiUrl(), { headers: headers(), credentials: 'same-origin', cache: 'no-store' })
      .then(function (res) {
        return readBody(res).then(function (data) {
          if (res.ok && data) {
            render(data);
            if (opts.focus) $('case-title').focus();
            if (opts.announce) $('refresh-status').textContent = 'Case updated.';
          } else if (res.status === 404) {
            showLookup(true);
          } else if (opts.initial) {
            showLoadError(data, res.status);
          } else {
            $('refresh-status').textContent = 'The case could not be refreshed. Please try again.';
            $('updated').textContent = 'Could not refresh';
          }
        });
      })
      .catch(function () {
        if (opts.initial) {
          showLoadError(null, 0);
        } else {
          $('refresh-status').textContent = 'The case could not be refreshed. Please check your connection.';
          $('updated').textContent = 'Could not refresh';
        }
      })
      .then(function () {
        loading = false;
        $('refresh').disabled = false;
      });
  }

  function addMeta(dl, term, value) {
    if (value == null || value === '') return;
    var div = document.createElement('div');
    var dt = document.createElement('dt');
    var dd = document.createElement('dd');
    dt.textContent = term;
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
    div.appendChild(dt);
    div.appendChild(dd);
    dl.appendChild(div);
  }

  function render(view) {
    var status = String(view.status || '');
    var info = STATUS[status] || { label: label({}, status) || 'Unknown', text: '' };
    var number = String(view.caseNumber || caseNumber);
    var closed = status === 'CLOSED';

    $('case-title').textContent = 'Case ' + number;
    document.title = 'Case ' + number + ' — Customer Care';
    var badge = $('case-badge');
    badge.textContent = info.label;
    badge.className = 'badge ' + (STATUS[status] ? 'badge-' + status.toLowerCase() : 'badge-unknown');
    badge.setAttribute('aria-label', 'Status: ' + info.label);
    $('case-subject').textContent = view.subject || '';
    $('status-text').textContent = info.text;
    renderStage(view.stage);

    var dl = $('case-meta');
    dl.textContent = '';
    addMeta(dl, 'Request type', view.requestType ? label(REQUEST_TYPES, view.requestType) : 'Not yet classified');
    addMeta(dl, 'Received via', label(CHANNELS, view.sourceChannel));
    addMeta(dl, 'Opened', view.openedAt ? timeElement(view.openedAt) : null);
    addMeta(dl, 'First answer', view.firstAnsweredAt ? timeElement(view.firstAnsweredAt) : 'Not yet');
    addMeta(dl, 'Closed', view.closedAt ? timeElement(view.closedAt) : null);
    addMeta(dl, 'Order number', view.orderNumber);
    addMeta(dl, 'Product', view.productSku);
    addMeta(dl, 'Follow-up of case', view.followUpOf);

    renderThread(Array.isArray(view.messages) ? view.messages : []);

    $('files-form').hidden = closed;
    if (closed) loadSurvey(number);
    window.AftersalesUpload.list(number, token, $('files-list'));
    // A reply soon after closing reopens the case (until reopenableUntil); later a new request is needed.
    var reopenable = closed && view.reopenableUntil && new Date(view.reopenableUntil) > new Date();
    $('closed-note').hidden = !closed;
    $('reopen-note').hidden = !reopenable;
    if (reopenable) $('reopen-until').textContent = dateFormat.format(new Date(view.reopenableUntil));
    $('reply').hidden = closed && !reopenable && !replyBlocked;
    $('updated').textContent = 'Updated ' + dateFormat.format(new Date());
    showOnly('case');
  }

  /** Where the case stands in words, what we expect from the customer, and a parcel's tracking number. */
  function renderStage(stage) {
    $('stage').hidden = !stage;
    if (!stage) return;
    $('stage').setAttribute('data-stage', String(stage.code || ''));
    $('stage-title').textContent = stage.title || '';
    $('stage-text').textContent = stage.text || '';
    $('stage-tracking').hidden = !stage.trackingNumber;
    $('stage-tracking').textContent = stage.trackingNumber
      ? 'Tracking number' + (stage.carrier ? ' (' + stage.carrier + ')' : '') + ': ' + stage.trackingNumber : '';
    $('stage-expectation').hidden = !stage.expectation;
    $('stage-expectation').textContent = stage.expectation ? 'What we need from you: ' + stage.expectation : '';
  }

  function renderThread(messages) {
    // Chronological; a stable sort keeps the server's order for equal or missing times.
    var sorted = messages.map(function (m, i) { return { m: m, i: i, t: toDate(m && m.at) }; })
      .sort(function (a, b) {
        if (a.t && b.t && a.t.getTime() !== b.t.getTime()) return a.t - b.t;
        return a.i - b.i;
      })
      .map(function (x) { return x.m; });

    var list = $('thread');
    list.textContent = '';
    sorted.forEach(function (m) {
      if (!m) return;
      var fromCustomer = m.direction === 'INBOUND';
      var li = document.createElement('li');
      li.className = 'msg ' + (fromCustomer ? 'msg-customer' : 'msg-care');

      var head = document.createElement('div');
      head.className = 'msg-head';
      var who = document.createElement('span');
      who.className = 'msg-who';
      who.textContent = fromCustomer ? 'You' : 'Customer care';
      if (!fromCustomer && m.author) {
        var author = document.createElement('span');
        author.className = 'muted';
        author.textContent = ' · ' + m.author;
        who.appendChild(author);
      }
      var meta = document.createElement('span');
      meta.className = 'msg-meta';
      if (m.at) meta.appendChild(timeElement(m.at));
      var channel = label(CHANNELS, m.channel);
      if (channel) meta.appendChild(document.createTextNode((m.at ? ' · ' : '') + 'via ' + channel));
      head.appendChild(who);
      head.appendChild(meta);
      li.appendChild(head);

      if (m.subject) {
        var subject = document.createElement('p');
        subject.className = 'msg-subject';
        subject.textContent = m.subject;
        li.appendChild(subject);
      }
      var body = document.createElement('p');
      body.className = 'msg-body';
      body.textContent = m.body || '';
      li.appendChild(body);
      list.appendChild(li);
    });
    $('thread-empty').hidden = list.children.length > 0;
  }

  // ---- the satisfaction survey of a resolved case -------------------------------------------

  var SCORE_LABELS = ['very dissatisfied', 'dissatisfied', 'neither', 'satisfied', 'very satisfied'];

  function loadSurvey(number) {
    fetch(apiUrl('/survey'), { headers: headers(), credentials: 'same-origin', cache: 'no-store' })
      .then(function (res) { return res.ok ? res.json() : null; }).then(function (survey) {
        if (!survey || (survey.status !== 'OPEN' && survey.status !== 'ANSWERED')) { $('survey').hidden = true; return; }
        var box = $('survey-scores');
        box.textContent = '';
        for (var s = 5; s >= 1; s--) {
          var label = document.createElement('label');
          var input = document.createElement('input');
          input.type = 'radio';
          input.name = 'survey-score';
          input.value = String(s);
          input.id = 'survey-score-' + s;
          input.checked = survey.score === s;
          label.appendChild(input);
          label.appendChild(document.createTextNode(' ' + s + ' – ' + SCORE_LABELS[s - 1]));
          box.appendChild(label);
        }
        $('survey-solved-yes').checked = survey.solved === true;
        $('survey-solved-no').checked = survey.solved === false;
        $('survey-comment').value = survey.comment || '';
        $('survey').hidden = false;
      }, function () { $('survey').hidden = true; });
  }

  $('survey-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var score = document.querySelector('input[name="survey-score"]:checked');
    var solved = document.querySelector('input[name="survey-solved"]:checked');
    if (!score || !solved) { $('survey-status').textContent = 'Please choose a score and whether your problem was solved.'; return; }
    fetch(apiUrl('/survey'), {
      method: 'PUT', credentials: 'same-origin', headers: headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ score: parseInt(score.value, 10), solved: solved.value === 'true',
        comment: $('survey-comment').value })
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        $('survey-status').textContent = res.ok ? 'Thank you! You can change your answer while the survey is open.'
          : (data.detail || 'Your answer could not be saved.');
      });
    });
  });

  // ---- photos and documents -----------------------------------------------------------------

  $('files-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var files = $('files').files;
    var problems = window.AftersalesUpload.problems(files);
    if (!files.length) problems = ['Choose one or more files first.'];
    if (problems.length) { $('files-status').textContent = problems.join(' '); return; }
    $('files-submit').disabled = true;
    $('files-status').textContent = 'Attaching…';
    window.AftersalesUpload.send(caseNumber, token, files, 'STATUS_PAGE').then(function (answer) {
      $('files-status').textContent = answer.attachments.length + ' file(s) attached. Thank you!';
      $('files').value = '';
      return window.AftersalesUpload.list(caseNumber, token, $('files-list'));
    }, function (error) {
      $('files-status').textContent = error.message;
    }).then(function () { $('files-submit').disabled = false; });
  });

  // ---- replying -----------------------------------------------------------------------------

  function setSending(on) {
    sending = on;
    var btn = $('reply-submit');
    btn.disabled = on || replyBlocked;
    btn.setAttribute('aria-busy', on ? 'true' : 'false');
    btn.querySelector('.spinner').hidden = !on;
    btn.querySelector('.btn-label').textContent = on ? 'Sending…' : 'Send message';
  }

  function clearReplyErrors() {
    $('reply-alert').hidden = true;
    $('reply-alert-closed').hidden = true;
    $('err-reply-message').textContent = '';
    $('reply-message').removeAttribute('aria-invalid');
  }

  function replyFieldError(text) {
    $('err-reply-message').textContent = text;
    var ta = $('reply-message');
    ta.setAttribute('aria-invalid', 'true');
    ta.focus();
  }

  function replyAlert(title, detail, closed) {
    $('reply-alert-title').textContent = title;
    $('reply-alert-detail').textContent = detail || '';
    $('reply-alert-closed').hidden = !closed;
    $('reply-alert').hidden = false;
    $('reply-alert').focus();
  }

  function capitalize(s) {
    s = String(s == null ? '' : s);
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function handleReplyProblem(status, problem) {
    problem = problem || {};
    var errors = Array.isArray(problem.errors) ? problem.errors : [];
    if (status === 409) {
      // Keep the reply box (and the customer's text) visible with the hint; refresh the rest of the page.
      replyBlocked = true;
      replyAlert('This case is closed',
        (problem.detail || 'This case has been closed in the meantime.') +
        ' Your message was not sent; you can copy it from the box below.', true);
      load();
      return;
    }
    if (status === 404) {
      replyAlert('Case not found', 'We could not find this case any more. Please check your personal link.');
      return;
    }
    if (status === 400 && errors.length) {
      var own = errors.filter(function (e) { return e.field === 'message'; });
      var other = errors.filter(function (e) { return e.field !== 'message'; });
      if (own.length) {
        replyFieldError(own.map(function (e) { return capitalize(e.message); }).join(' '));
      }
      if (other.length || !own.length) {
        replyAlert(problem.title || 'Your message could not be sent',
          other.map(function (e) { return capitalize(e.message); }).join(' ') || problem.detail);
      }
      return;
    }
    var detail = problem.detail ||
      (status === 413 ? 'Your message is too long. Please shorten it.' : 'Please try again in a moment.');
    replyAlert(problem.title || 'Your message could not be sent', detail + (status ? ' (Error ' + status + ')' : ''));
  }

  function onReply(event) {
    event.preventDefault();
    if (sending) return;
    clearReplyErrors();
    $('reply-status').textContent = '';
    var text = $('reply-message').value.trim();
    if (!text) {
      replyFieldError('Please write a message.');
      return;
    }
    setSending(true);
    fetch(apiUrl('/messages'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ message: text, channel: 'WEB_FORM' })
    }).then(function (res) {
      return readBody(res).then(function (data) {
        if (res.ok) {
          $('reply-message').value = '';
          var landed = data && data.caseNumber ? String(data.caseNumber) : caseNumber;
          $('reply-status').textContent = landed === caseNumber
            ? 'Thank you — your message has been added to your case.'
            : 'Thank you — your message was filed under case ' + landed + '.';
          return load();
        }
        handleReplyProblem(res.status, data);
      });
    }).catch(function () {
      replyAlert('We could not reach our server',
        'Please check your internet connection and try again. Your message is still in the box below.');
    }).then(function () {
      setSending(false);
    });
  }

  // ---- wiring -------------------------------------------------------------------------------

  $('reply-form').addEventListener('submit', onReply);
  $('reply-message').addEventListener('input', function () {
    if ($('reply-message').hasAttribute('aria-invalid')) {
      $('err-reply-message').textContent = '';
      $('reply-message').removeAttribute('aria-invalid');
    }
  });
  $('refresh').addEventListener('click', function () {
    $('refresh-status').textContent = '';
    load({ announce: true });
  });
  $('retry').addEventListener('click', function () { load({ initial: true, focus: true }); });

  if (!caseNumber || !token) {
    showLookup(false);
  } else {
    load({ initial: true });
  }
})();

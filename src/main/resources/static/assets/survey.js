/*
 * The satisfaction survey: opened from a score link in our email (the score chosen already), answered and changed
 * while the link is valid. The token stays in the fragment and travels to the API in a header, never in an address.
 */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var LABELS = ['very dissatisfied', 'dissatisfied', 'neither', 'satisfied', 'very satisfied'];
  var params = new URLSearchParams(location.hash.replace(/^#/, ''));
  var token = params.get('t') || '';
  var preset = parseInt(params.get('score') || '', 10);

  function headers(json) {
    var h = { 'Accept': 'application/json, application/problem+json', 'X-Survey-Token': token };
    if (json) h['Content-Type'] = 'application/json';
    return h;
  }

  function refused(problem) {
    $('survey').hidden = true;
    $('refused-text').textContent = (problem && problem.detail) || 'This survey link is not valid.';
    $('refused').hidden = false;
  }

  function buildScores(chosen) {
    var box = $('scores');
    for (var s = 5; s >= 1; s--) {
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = 'score';
      input.value = String(s);
      input.id = 'score-' + s;
      if (s === chosen) input.checked = true;
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + s + ' – ' + LABELS[s - 1]));
      box.appendChild(label);
    }
  }

  function checked(name) {
    var el = document.querySelector('input[name="' + name + '"]:checked');
    return el ? el.value : null;
  }

  // Another survey link opened in this tab changes only the fragment: start over with it.
  window.addEventListener('hashchange', function () { location.reload(); });

  fetch('/api/survey', { headers: headers(false), credentials: 'same-origin', cache: 'no-store' })
    .then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) { refused(data); return; }
        $('survey-case').textContent = 'Case ' + data.caseNumber + ': ' + (data.subject || '');
        buildScores(data.score || (preset >= 1 && preset <= 5 ? preset : null));
        if (data.solved === true) $('solved-yes').checked = true;
        if (data.solved === false) $('solved-no').checked = true;
        $('comment').value = data.comment || '';
        $('survey').hidden = false;
      });
    }, function () { refused({ detail: 'We could not reach our server; please try the link again later.' }); });

  $('survey').addEventListener('submit', function (event) {
    event.preventDefault();
    $('err-score').textContent = checked('score') ? '' : 'Choose a score.';
    $('err-solved').textContent = checked('solved') ? '' : 'Tell us whether your problem was solved.';
    if (!checked('score') || !checked('solved')) return;
    $('send').disabled = true;
    fetch('/api/survey', {
      method: 'PUT', headers: headers(true), credentials: 'same-origin',
      body: JSON.stringify({ score: parseInt(checked('score'), 10), solved: checked('solved') === 'true',
        comment: $('comment').value })
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.status === 410 || res.status === 404) { refused(data); return; }
        if (!res.ok) { $('saved').textContent = data.detail || 'Your answer could not be saved.'; $('saved').hidden = false; return; }
        $('saved').textContent = 'Thank you! Your answer is saved. You can change it here while the link is valid.';
        $('saved').hidden = false;
      });
    }).then(function () { $('send').disabled = false; });
  });
})();

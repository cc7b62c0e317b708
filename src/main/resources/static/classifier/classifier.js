// The analysts' page: talks to /api/v1/classifier with the analyst's credentials, kept in memory only.
(function () {
  'use strict';
  var credentials = null;
  var SOURCES = { RELEASE: 'з репозиторію', UPLOAD: 'завантажено', MODELER: 'з Camunda Modeler', ROLLBACK: 'відкат' };

  function api(path, options) {
    options = options || {};
    options.headers = Object.assign({ 'Authorization': 'Basic ' + credentials }, options.headers || {});
    return fetch('/api/v1/classifier' + path, options).then(function (response) {
      return response.text().then(function (text) {
        var body = text && response.headers.get('Content-Type') && response.headers.get('Content-Type').indexOf('json') >= 0
          ? JSON.parse(text) : text;
        if (!response.ok) { var error = new Error(response.status); error.body = body; error.status = response.status; throw error; }
        return body;
      });
    });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function showProblems(target, error) {
    target.innerHTML = '';
    var box = element('div', null, 'problems');
    box.appendChild(element('strong', error.body && error.body.title ? error.body.title : 'Помилка ' + error.status));
    if (error.body && error.body.detail) { box.appendChild(element('p', error.body.detail)); }
    var list = element('ul');
    ((error.body && error.body.errors) || []).forEach(function (problem) {
      var item = element('li');
      item.appendChild(element('code', problem.field));
      item.appendChild(document.createTextNode(' — ' + problem.message + ' '));
      item.appendChild(element('small', '[' + problem.rule + ']'));
      list.appendChild(item);
    });
    box.appendChild(list);
    target.appendChild(box);
  }

  function changesText(changes) {
    var lines = [];
    Object.keys(changes || {}).forEach(function (table) {
      var c = changes[table];
      lines.push(table + ': +' + c.added.length + ' −' + c.removed.length + ' ~' + c.changed.length);
      c.added.forEach(function (rule) { lines.push('  + ' + rule); });
      c.removed.forEach(function (rule) { lines.push('  − ' + rule); });
      c.changed.forEach(function (rule) { lines.push('  ~ ' + rule); });
    });
    return lines.length ? lines.join('\n') : 'без змін у правилах';
  }

  function download(version, name) {
    api('/versions/' + version + '/files/' + name).then(function (content) {
      var link = element('a');
      link.href = URL.createObjectURL(new Blob([content]));
      link.download = name;
      link.click();
    });
  }

  function loadVersions() {
    api('/drift').then(function (drift) {
      document.getElementById('drift').textContent = (drift.inSync ? '✔ ' : '⚠ ') + drift.message;
    });
    return api('/versions').then(function (versions) {
      var body = document.querySelector('#versions tbody');
      body.innerHTML = '';
      versions.forEach(function (version, index) {
        var row = element('tr');
        row.appendChild(element('td', String(version.id) + (index === 0 ? ' (діє)' : '')));
        row.appendChild(element('td', new Date(version.deployedAt).toLocaleString('uk-UA')));
        row.appendChild(element('td', version.deployedBy));
        row.appendChild(element('td', (SOURCES[version.source] || version.source)
          + (version.rolledBackTo ? ' до версії ' + version.rolledBackTo : '') + (version.comment ? ': ' + version.comment : '')));
        row.appendChild(element('td', 'маршрутизація v' + version.routingVersion + ', строки v' + version.slaVersion));
        var changes = element('td');
        var details = element('details');
        details.appendChild(element('summary', 'показати'));
        details.appendChild(element('div', changesText(version.changes), 'changes'));
        changes.appendChild(details);
        row.appendChild(changes);
        var actions = element('td');
        ['ComplaintRouting.dmn', 'SlaTier.dmn'].forEach(function (name) {
          var button = element('button', name, 'secondary');
          button.addEventListener('click', function () { download(version.id, name); });
          actions.appendChild(button);
        });
        if (index > 0) {
          var rollBack = element('button', 'Відкотити до цієї версії');
          rollBack.addEventListener('click', function () {
            if (!window.confirm('Розгорнути версію ' + version.id + ' знову, як нову версію?')) { return; }
            api('/versions/' + version.id + '/rollback', { method: 'POST' })
              .then(function (created) { result('Розгорнуто версію ' + created.id + ' (відкат до ' + version.id + ').'); })
              .catch(function (error) { showProblems(document.getElementById('result'), error); })
              .then(loadVersions);
          });
          actions.appendChild(rollBack);
        }
        row.appendChild(actions);
        body.appendChild(row);
      });
    });
  }

  function result(text) {
    var target = document.getElementById('result');
    target.innerHTML = '';
    target.appendChild(element('p', text, 'ok'));
  }

  document.getElementById('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    credentials = btoa(unescape(encodeURIComponent(form.user.value + ':' + form.password.value)));
    loadVersions().then(function () {
      document.getElementById('login').hidden = true;
      document.getElementById('workspace').hidden = false;
    }).catch(function (error) {
      credentials = null;
      window.alert(error.status === 403 ? 'Лише для аналітиків і адміністраторів.' : 'Неправильний логін або пароль.');
    });
  });

  document.getElementById('upload-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new FormData(event.target);
    api('/versions', { method: 'POST', body: data })
      .then(function (created) { result('Розгорнуто версію ' + created.id + '. Нові звернення вже маршрутизуються за нею.'); })
      .catch(function (error) { showProblems(document.getElementById('result'), error); })
      .then(loadVersions);
  });
}());

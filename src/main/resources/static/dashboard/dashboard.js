// The public dashboard: charts, the executors' efficiency and the map, from the public statistics API.
(function () {
  'use strict';
  var flowChart = echarts.init(document.getElementById('chart-flow'));
  var groupChart = echarts.init(document.getElementById('chart-groups'));
  var map = null;
  var cellsLayer = null;

  function get(path, params) {
    var query = Object.keys(params || {}).filter(function (k) { return params[k]; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]); }).join('&');
    return fetch(path + (query ? '?' + query : '')).then(function (response) {
      if (!response.ok) { throw new Error(path + ': ' + response.status); }
      return response.json();
    });
  }

  function percent(rate) { return rate === null || rate === undefined ? '—' : Math.round(rate * 100) + '%'; }
  function number(value) { return value === null || value === undefined ? '—' : String(value); }

  function cell(row, text, numeric) {
    var td = document.createElement('td');
    td.textContent = text;
    if (numeric) { td.className = 'number'; }
    row.appendChild(td);
  }

  function showTotals(totals) {
    var sum = function (field) { return totals.reduce(function (s, t) { return s + (t[field] || 0); }, 0); };
    var resolvedOnTime = totals.reduce(function (s, t) { return s + (t.onTimeRate || 0) * (t.resolved || 0); }, 0);
    var resolved = sum('resolved');
    var figures = [['Надійшло', sum('received')], ['Вирішено', resolved], ['Відкрито', sum('open')],
      ['Прострочено', sum('overdue')], ['Повернуто на перенаправлення', sum('returned')],
      ['Вчасно', resolved ? Math.round(100 * resolvedOnTime / resolved) + '%' : '—']];
    var target = document.getElementById('totals');
    target.innerHTML = '';
    figures.forEach(function (figure) {
      var box = document.createElement('div');
      var value = document.createElement('strong');
      value.textContent = figure[1];
      box.appendChild(value);
      box.appendChild(document.createTextNode(figure[0]));
      target.appendChild(box);
    });
  }

  /** Every bucket of the period, also those without complaints, so that the time axis is true. */
  function allBuckets(report) {
    var byStart = {};
    report.buckets.forEach(function (b) { byStart[b.start] = b; });
    var first = new Date(report.from + 'T00:00:00Z');
    if (report.granularity === 'WEEK') { first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7)); }
    if (report.granularity === 'MONTH') { first.setUTCDate(1); }
    var last = new Date(report.to + 'T00:00:00Z');
    var buckets = [];
    for (var day = first; day <= last; ) {
      var start = day.toISOString().substring(0, 10);
      buckets.push(byStart[start] || { start: start, groups: [] });
      day = new Date(day);
      if (report.granularity === 'MONTH') { day.setUTCMonth(day.getUTCMonth() + 1); }
      else { day.setUTCDate(day.getUTCDate() + (report.granularity === 'WEEK' ? 7 : 1)); }
    }
    return buckets;
  }

  function showFlow(report) {
    report = Object.assign({}, report, { buckets: allBuckets(report) });
    var days = report.buckets.map(function (b) { return b.start; });
    var total = function (bucket, field) { return bucket.groups.reduce(function (s, g) { return s + g[field]; }, 0); };
    flowChart.setOption({
      tooltip: { trigger: 'axis' }, legend: { data: ['Надійшло', 'Вирішено', 'Прострочено'] },
      xAxis: { type: 'category', data: days }, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Надійшло', type: 'bar', data: report.buckets.map(function (b) { return total(b, 'received'); }) },
        { name: 'Вирішено', type: 'bar', data: report.buckets.map(function (b) { return total(b, 'resolved'); }) },
        { name: 'Прострочено', type: 'line', data: report.buckets.map(function (b) { return total(b, 'overdue'); }) }
      ]
    }, true);
  }

  function showGroups(report) {
    report = Object.assign({}, report, { buckets: allBuckets(report) });
    var names = {};
    report.totals.forEach(function (t) { names[t.key] = t.name; });
    var keys = Object.keys(names);
    groupChart.setOption({
      tooltip: { trigger: 'axis' }, legend: { type: 'scroll', data: keys.map(function (k) { return names[k]; }) },
      grid: { top: 60 },
      xAxis: { type: 'category', data: report.buckets.map(function (b) { return b.start; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: keys.map(function (key) {
        return { name: names[key], type: 'bar', stack: 'received', data: report.buckets.map(function (b) {
          var group = b.groups.filter(function (g) { return g.key === key; })[0];
          return group ? group.received : 0;
        }) };
      })
    }, true);
  }

  function showEfficiency(efficiency) {
    var body = document.querySelector('#efficiency tbody');
    body.innerHTML = '';
    efficiency.ranking.forEach(function (e) {
      var row = document.createElement('tr');
      cell(row, String(e.rank)); cell(row, e.name);
      cell(row, number(e.resolved), true); cell(row, percent(e.onTimeRate), true);
      cell(row, number(e.medianResolutionHours), true); cell(row, number(e.p90ResolutionHours), true);
      cell(row, number(e.overdue), true); cell(row, number(e.open), true);
      cell(row, percent(e.reopenedShare), true);
      cell(row, e.averageRating == null ? '—' : number(e.averageRating) + ' (' + number(e.ratings) + ')', true);
      body.appendChild(row);
    });
  }

  function showDistricts(districts) {
    var body = document.querySelector('#districts tbody');
    body.innerHTML = '';
    districts.forEach(function (d) {
      var row = document.createElement('tr');
      cell(row, d.name); cell(row, String(d.received), true); cell(row, String(d.resolved), true);
      cell(row, String(d.open), true); cell(row, String(d.overdue), true);
      body.appendChild(row);
    });
  }

  function showMap(config, cells) {
    if (!map) {
      var bounds = [[config.south, config.west], [config.north, config.east]];
      map = L.map('map', { attributionControl: !!config.tileUrl });
      if (config.tileUrl) {
        L.tileLayer(config.tileUrl, { attribution: config.attribution || '' }).addTo(map);
      }
      // without tiles the city's box gives the cells their place
      L.rectangle(bounds, { color: '#888', weight: 1, fill: false, interactive: false }).addTo(map);
      map.fitBounds(bounds);
    }
    if (cellsLayer) { cellsLayer.remove(); }
    cellsLayer = L.geoJSON(cells, {
      pointToLayer: function (feature, latlng) {
        var p = feature.properties;
        return L.circleMarker(latlng, { radius: 5 + Math.sqrt(p.received) * 2, color: p.overdue ? '#b5152b' : '#1565c0',
          weight: 1, fillOpacity: 0.5 })
          .bindTooltip('Надійшло: ' + p.received + '<br>Вирішено: ' + p.resolved + '<br>Відкрито: ' + p.open
            + '<br>Прострочено: ' + p.overdue);
      }
    }).addTo(map);
  }

  function load() {
    var form = document.getElementById('controls');
    // places are shown per calendar month only (fewer than 10 complaints are never shown on their own)
    if (form.groupBy.value === 'district') { form.granularity.value = 'month'; }
    var params = { from: form.from.value, to: form.to.value, granularity: form.granularity.value, groupBy: form.groupBy.value };
    var period = { from: form.from.value, to: form.to.value };
    // the map: the month the period ends in, if it has ended; else the last month that has
    var thisMonth = new Date().toISOString().substring(0, 7);
    var toMonth = form.to.value ? form.to.value.substring(0, 7) : '';
    var month = { month: toMonth && toMonth < thisMonth ? toMonth : '' };
    return Promise.all([
      get('/api/v1/statistics', params),
      get('/api/v1/statistics/efficiency', period),
      get('/api/v1/map/config'),
      get('/api/v1/map/complaints', month),
      get('/api/v1/map/districts', month)
    ]).then(function (results) {
      document.getElementById('map-month').textContent = results[3].month;
      var report = results[0];
      if (!form.from.value) { form.from.value = report.from; form.to.value = report.to; }
      showTotals(report.totals);
      showFlow(report);
      showGroups(report);
      showEfficiency(results[1]);
      showMap(results[2], results[3]);
      showDistricts(results[4]);
      document.body.setAttribute('data-loaded', 'true');
    });
  }

  document.getElementById('controls').addEventListener('submit', function (event) { event.preventDefault(); load(); });
  window.addEventListener('resize', function () { flowChart.resize(); groupChart.resize(); });
  load();
}());

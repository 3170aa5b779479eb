// timestudy report page: the hosts table (filter by class, |offset|, RTT and name; sort by any column), sortable
// static tables, and a check that every chart rendered. Plain JavaScript, no library, no network.
(function () {
  'use strict';

  // Columns of the rows in #host-data, in order (HtmlReport.HOST_COLUMNS).
  var COLUMNS = ['address', 'names', 'probe', 'cls', 'subTags', 'tags', 'offset', 'offsetText', 'uText', 'ppm',
    'ppmText', 'rttMs', 'points', 'lastReset', 'changes', 'priority'];
  var INDEX = {};
  COLUMNS.forEach(function (c, i) { INDEX[c] = i; });
  var PAGE = 200;

  function number(text) {
    if (text === null || text === undefined || String(text).trim() === '') {
      return null;
    }
    var v = Number(String(text).trim());
    return isFinite(v) ? v : null;
  }

  function missing(v) {
    return v === null || v === undefined || v === '';
  }

  // Missing values sort last, whatever the direction (the callers flip only the rest).
  function compare(a, b) {
    if (missing(a) || missing(b)) {
      return missing(a) === missing(b) ? 0 : (missing(a) ? 1 : -1);
    }
    if (typeof a === 'number' && typeof b === 'number') {
      return a - b;
    }
    return String(a).localeCompare(String(b), 'en', {numeric: true});
  }

  function addressKey(address) {
    var parts = String(address).split('.');
    if (parts.length !== 4) {
      return address;
    }
    return parts.reduce(function (acc, p) { return acc * 256 + Number(p); }, 0);
  }

  function hostTable() {
    var data = document.getElementById('host-data');
    var table = document.getElementById('hosts');
    if (!data || !table) {
      return;
    }
    var rows = JSON.parse(data.textContent);
    var body = table.tBodies[0];
    var form = document.getElementById('host-filter');
    var status = document.getElementById('host-status');
    var more = document.getElementById('host-more');
    var state = {key: null, descending: false, shown: PAGE, matching: rows};

    function sortKey(row, key) {
      if (key === 'address') {
        return addressKey(row[INDEX.address]);
      }
      if (key === 'offset') {
        return row[INDEX.offset] === null ? null : Math.abs(row[INDEX.offset]);
      }
      return row[INDEX[key]];
    }

    function filter() {
      var cls = form.elements.cls.value;
      var offsetMin = number(form.elements.offsetMin.value);
      var offsetMax = number(form.elements.offsetMax.value);
      var rttMin = number(form.elements.rttMin.value);
      var rttMax = number(form.elements.rttMax.value);
      var text = form.elements.name.value.trim().toLowerCase();
      state.matching = rows.filter(function (r) {
        if (cls && r[INDEX.cls] !== cls) {
          return false;
        }
        var offset = r[INDEX.offset] === null ? null : Math.abs(r[INDEX.offset]);
        if ((offsetMin !== null || offsetMax !== null) && offset === null) {
          return false;
        }
        if ((offsetMin !== null && offset < offsetMin) || (offsetMax !== null && offset > offsetMax)) {
          return false;
        }
        var rtt = r[INDEX.rttMs];
        if ((rttMin !== null || rttMax !== null) && rtt === null) {
          return false;
        }
        if ((rttMin !== null && rtt < rttMin) || (rttMax !== null && rtt > rttMax)) {
          return false;
        }
        return !text || r[INDEX.names].toLowerCase().indexOf(text) >= 0 ||
          r[INDEX.address].indexOf(text) >= 0;
      });
      sort();
    }

    function sort() {
      if (state.key) {
        var key = state.key;
        var sign = state.descending ? -1 : 1;
        state.matching.sort(function (a, b) {
          var x = sortKey(a, key);
          var y = sortKey(b, key);
          if (missing(x) || missing(y)) {
            return compare(x, y);
          }
          return sign * compare(x, y);
        });
      }
      state.shown = PAGE;
      render();
    }

    function cell(tr, text, className) {
      var td = document.createElement('td');
      td.textContent = text === null || text === undefined ? '' : String(text);
      if (className) {
        td.className = className;
      }
      tr.appendChild(td);
    }

    function render() {
      var fragment = document.createDocumentFragment();
      var n = Math.min(state.shown, state.matching.length);
      for (var i = 0; i < n; i++) {
        var r = state.matching[i];
        var tr = document.createElement('tr');
        cell(tr, r[INDEX.address]);
        cell(tr, r[INDEX.names]);
        cell(tr, r[INDEX.probe]);
        cell(tr, r[INDEX.cls] + (r[INDEX.subTags] ? ' [' + r[INDEX.subTags] + ']' : ''),
          'cls c-' + r[INDEX.cls].replace('+', '-'));
        cell(tr, r[INDEX.tags]);
        cell(tr, r[INDEX.offsetText], 'num');
        cell(tr, r[INDEX.uText], 'num');
        cell(tr, r[INDEX.ppmText], 'num');
        cell(tr, r[INDEX.rttMs] === null ? '' : r[INDEX.rttMs].toFixed(3), 'num');
        cell(tr, r[INDEX.points], 'num');
        cell(tr, r[INDEX.lastReset]);
        cell(tr, r[INDEX.changes], 'num');
        cell(tr, r[INDEX.priority] === null ? '' : r[INDEX.priority].toFixed(3), 'num');
        fragment.appendChild(tr);
      }
      body.replaceChildren(fragment);
      status.textContent = state.matching.length.toLocaleString('en') + ' of ' + rows.length.toLocaleString('en') +
        ' hosts match; showing ' + n.toLocaleString('en') + '.';
      more.hidden = n >= state.matching.length;
    }

    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.addEventListener('click', function () {
        var key = th.getAttribute('data-key');
        state.descending = state.key === key ? !state.descending : key === 'offset' || key === 'priority';
        state.key = key;
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
          other.removeAttribute('aria-sort');
        });
        th.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
        sort();
      });
    });
    form.addEventListener('input', filter);
    form.addEventListener('submit', function (e) { e.preventDefault(); filter(); });
    form.addEventListener('reset', function () { setTimeout(filter, 0); });
    more.addEventListener('click', function () {
      state.shown += PAGE * 5;
      render();
    });
    render();
  }

  function staticTables() {
    Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
      var descending = false;
      var current = -1;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
        th.addEventListener('click', function () {
          descending = current === column ? !descending : false;
          current = column;
          var rows = Array.prototype.slice.call(table.tBodies[0].rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].getAttribute('data-sort');
            var y = b.cells[column].getAttribute('data-sort');
            x = x === null ? a.cells[column].textContent : (number(x) === null ? x : number(x));
            y = y === null ? b.cells[column].textContent : (number(y) === null ? y : number(y));
            return missing(x) || missing(y) ? compare(x, y) : (descending ? -1 : 1) * compare(x, y);
          });
          rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
        });
      });
    });
  }

  function countCharts() {
    var rendered = 0;
    Array.prototype.forEach.call(document.querySelectorAll('figure.chart > svg'), function (svg) {
      var box = svg.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && svg.querySelectorAll('path, rect, line, polyline').length > 0) {
        rendered++;
      }
    });
    document.body.setAttribute('data-charts-rendered', String(rendered));
  }

  function start() {
    hostTable();
    staticTables();
    countCharts();
    document.body.setAttribute('data-ready', 'true');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

/*
 * app.js - the search page: reads its state from the URL, asks api/search,
 * draws hits, facets and pages.  Plain JavaScript, no libraries.
 *
 * The page's URL holds exactly the API's parameters, so a shared link
 * reproduces the search.  Everything from the index is inserted as text;
 * the one exception, a snippet's <mark> highlighting, is rebuilt element by
 * element rather than trusted as HTML.  The trends view (view=trends in
 * the URL) draws api/trends as an SVG line chart: one line per series,
 * told apart by dash pattern as well as colour, labelled axes, a legend.
 */
'use strict';

(function () {
  var FACETS = ['council', 'committee', 'year', 'person', 'format'];
  var LABELS = { council: 'Council', committee: 'Committee', year: 'Year', person: 'Person',
                 format: 'Format', kind: 'Kind' };
  var PER_PAGE = 10;
  var MAX_OFFSET = 10000;   /* the server's paging limit */

  var $ = function (id) { return document.getElementById(id); };
  var state = null;
  var inflight = null;

  var SVG = 'http://www.w3.org/2000/svg';
  var MAX_LINES = 7;        /* series a chart stays readable with (as the CLI's --svg) */
  var COLOURS = ['#1d4f7c', '#b5452b', '#2e7d32', '#7b3fa0', '#9a6a00', '#00838f', '#5d4037'];
  var DASHES = ['', '7 4', '2 3', '9 3 2 3', '4 4', '12 4', '1 5'];
  var trendsInflight = null;

  function emptyState() {
    var s = { q: '', from: '', to: '', sort: '', group: false, page: 1, filters: {},
              view: '', by: 'year', split: 'none', measure: 'item_share' };
    FACETS.concat(['kind']).forEach(function (f) { s.filters[f] = []; });
    return s;
  }

  /* ---- state <-> URL ---- */
  function fromURL(search) {
    var p = new URLSearchParams(search);
    var s = emptyState();
    s.q = p.get('q') || '';
    s.from = p.get('from') || '';
    s.to = p.get('to') || '';
    s.sort = p.get('sort') || '';
    s.group = p.get('group') === 'meeting';
    s.page = Math.max(1, parseInt(p.get('page') || '1', 10) || 1);
    Object.keys(s.filters).forEach(function (f) { s.filters[f] = p.getAll(f); });
    s.view = p.get('view') === 'trends' ? 'trends' : '';
    s.by = ['year', 'month', 'municipal-year'].indexOf(p.get('by')) >= 0 ? p.get('by') : 'year';
    s.split = ['none', 'committee', 'council'].indexOf(p.get('split')) >= 0 ? p.get('split') : 'none';
    s.measure = p.get('measure') === 'items' ? 'items' : 'item_share';
    return s;
  }

  /* What selects the items, shared by api/search and api/trends: words, filters, dates. */
  function selectParams(s) {
    var p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    Object.keys(s.filters).forEach(function (f) {
      s.filters[f].forEach(function (v) { p.append(f, v); });
    });
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
    return p;
  }

  function toParams(s, forApi) {
    var p = selectParams(s);
    var sort = s.sort || (forApi && !s.q ? '-date' : '');   /* browsing: newest first */
    if (sort) p.set('sort', sort);
    if (s.group) p.set('group', 'meeting');
    if (s.page > 1) p.set('page', String(s.page));
    if (forApi) p.set('per_page', String(PER_PAGE));
    if (!forApi && s.view) {
      p.set('view', s.view);
      if (s.by !== 'year') p.set('by', s.by);
      if (s.split !== 'none') p.set('split', s.split);
      if (s.measure !== 'item_share') p.set('measure', s.measure);
    }
    return p;
  }

  /* api/trends takes the search's words, filters and dates, and the period and split. */
  function trendParams(s) {
    var p = selectParams(s);
    p.set('by', s.by);
    p.set('split', s.split);
    return p;
  }

  /* ---- small DOM helpers ---- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  /* Decode the few entities Xapian's snippets use, for insertion as text. */
  function decode(s) {
    return s.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);/gi, function (m, e) {
      var k = e.toLowerCase();
      if (k === 'lt') return '<';
      if (k === 'gt') return '>';
      if (k === 'amp') return '&';
      if (k === 'quot') return '"';
      if (k === 'apos') return "'";
      var n = k.charAt(1) === 'x' ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
      try { return String.fromCodePoint(n); } catch (err) { return m; }
    });
  }

  /* A snippet: escaped text with <mark>...</mark> around matches. */
  function snippetNode(html) {
    var p = el('p', 'snippet');
    var parts = String(html || '').split(/(<mark>|<\/mark>)/);
    var inMark = false;
    parts.forEach(function (part) {
      if (part === '<mark>') { inMark = true; return; }
      if (part === '</mark>') { inMark = false; return; }
      if (!part) return;
      var text = document.createTextNode(decode(part));
      if (inMark) { var m = el('mark'); m.appendChild(text); p.appendChild(m); }
      else p.appendChild(text);
    });
    return p;
  }

  /* ---- talking to the API ---- */
  function api(path) {
    if (inflight) inflight.abort();
    var ctl = new AbortController();
    inflight = ctl;
    return fetch(path, { signal: ctl.signal, headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + r.status);
          return body;
        });
      });
  }

  function run(push) {
    var url = toParams(state, false).toString();
    var here = url ? '?' + url : location.pathname;
    if (push) history.pushState(null, '', here);
    else history.replaceState(null, '', here);
    syncForm();
    $('status').className = 'status';
    $('status').textContent = 'Searching…';
    document.body.setAttribute('data-state', 'loading');
    showView();
    /* The feed follows what selects the items, whatever the order or page. */
    var feed = 'feed' + (selectParams(state).toString() ? '?' + selectParams(state).toString() : '');
    $('follow').href = feed;
    $('feed-link').href = feed;
    if (state.view === 'trends') runTrends();
    api('api/search?' + toParams(state, true).toString())
      .then(render)
      .catch(function (e) {
        if (e.name === 'AbortError') return;
        clear($('hits')); clear($('pager'));
        $('suggest').hidden = true;
        $('status').className = 'status error';
        $('status').textContent = e.message;
        document.body.setAttribute('data-state', 'error');
      });
  }

  /* ---- drawing ---- */
  function render(d) {
    var hits = $('hits');
    clear(hits);
    var from = (state.page - 1) * PER_PAGE;
    var total = d.total;
    if (total === 0) {
      $('status').textContent = 'No items match' + (state.q ? ' “' + state.q + '”' : '') + '.';
    } else {
      $('status').textContent = (d.estimated ? 'About ' : '') + total.toLocaleString() +
        (total === 1 ? ' item' : ' items') + (d.hits.length && state.view !== 'trends' ? ' · showing ' + (from + 1) + '–' +
        (from + d.hits.length) : '') + ' · ' + d.took_ms.toFixed(1) + ' ms';
    }
    if (d.suggestion) {
      $('suggest-link').textContent = d.suggestion;
      var sp = fromURL(toParams(state, false).toString());
      sp.q = d.suggestion;
      sp.page = 1;
      $('suggest-link').href = '?' + toParams(sp, false).toString();
      $('suggest').hidden = false;
    } else {
      $('suggest').hidden = true;
    }
    d.hits.forEach(function (h) { hits.appendChild(hitNode(h)); });
    renderFacets(d.facets || {});
    renderPager(total);
    document.body.setAttribute('data-state', 'done');
  }

  function hitNode(h) {
    var li = el('li', 'hit');
    li.setAttribute('data-id', h.id);
    var h3 = el('h3');
    /* The title opens the item's own page: a URL a reader can keep and share. */
    var a = el('a', 'title');
    a.href = 'item/' + encodeURIComponent(h.id);
    if (h.item) a.appendChild(el('span', 'num', h.item));
    a.appendChild(document.createTextNode(h.title || (h.kind === 'front' ? 'Attendance and apologies' : 'Untitled item')));
    h3.appendChild(a);
    li.appendChild(h3);
    li.appendChild(el('p', 'meta', [h.council, h.committee, h.date].filter(Boolean).join(' · ')));
    li.appendChild(linksNode(h, li));
    li.appendChild(snippetNode(h.snippet));
    if (h.more_in_meeting) {
      li.appendChild(el('p', 'more', '+' + h.more_in_meeting + ' more in this meeting'));
    }
    return li;
  }

  /* A link only to what the server vouches for: a web URL from the index or its own file/ID. */
  function isSourceUrl(u) {
    return typeof u === 'string' && (/^https?:\/\/[^\/]/i.test(u) || /^file\/[^\/]+$/.test(u));
  }

  /* Source (when known), the whole meeting, and the item's text in place. */
  function linksNode(h, li) {
    var p = el('p', 'links');
    if (isSourceUrl(h.url)) {
      var a = el('a', 'source', h.page && /#page=\d+$/.test(h.url) ? 'Source, page ' + h.page : 'Source');
      a.href = h.url;
      a.rel = 'noopener noreferrer';
      p.appendChild(a);
    }
    if (h.meeting) {
      var m = el('a', 'meeting-link', 'All items of this meeting');
      m.href = 'meeting/' + encodeURIComponent(h.meeting) + '#item-' + encodeURIComponent(h.id);
      p.appendChild(m);
    }
    var b = el('button', 'show-text', 'Show text');
    b.type = 'button';
    b.setAttribute('aria-expanded', 'false');
    b.addEventListener('click', function () { toggleItem(li, h, b); });
    p.appendChild(b);
    return p;
  }

  function toggleItem(li, h, b) {
    var open = li.querySelector('.item');
    if (open) { li.removeChild(open); b.setAttribute('aria-expanded', 'false'); b.textContent = 'Show text'; return; }
    var box = el('div', 'item', 'Loading…');
    li.appendChild(box);
    b.setAttribute('aria-expanded', 'true');
    b.textContent = 'Hide text';
    fetch('api/item/' + encodeURIComponent(h.id))
      .then(function (r) { return r.json(); })
      .then(function (it) {
        clear(box);
        if (it.error) { box.textContent = it.error; return; }
        if (it.resolutions && it.resolutions.length) {
          box.appendChild(el('h4', null, 'Resolved'));
          var ul = el('ul');
          it.resolutions.forEach(function (r) { ul.appendChild(el('li', null, r)); });
          box.appendChild(ul);
        }
        box.appendChild(el('h4', null, 'Text'));
        /* It scrolls (max-height), so it takes the focus: keys can scroll it too. */
        var text = el('p', 'text', it.text);
        text.tabIndex = 0;
        text.setAttribute('role', 'region');
        text.setAttribute('aria-label', 'Text of ' + (h.title || 'the item'));
        box.appendChild(text);
        box.appendChild(el('p', 'path', it.path + (it.page ? ' · page ' + it.page : '')));
      })
      .catch(function () { box.textContent = 'Could not load the item.'; });
  }

  function renderFacets(facets) {
    var box = $('facets');
    clear(box);
    FACETS.forEach(function (name) {
      var values = (facets[name] || []).slice();
      var chosen = state.filters[name];
      /* Chosen values stay visible even when the counts no longer list them. */
      chosen.forEach(function (v) {
        if (!values.some(function (x) { return sameValue(x.value, v); })) values.push({ value: v, count: 0 });
      });
      if (!values.length) return;
      if (name === 'year') values.sort(function (a, b) { return b.value.localeCompare(a.value); });
      var sec = el('section', 'facet');
      sec.setAttribute('data-facet', name);
      sec.appendChild(el('h2', null, LABELS[name]));
      var ul = el('ul');
      values.forEach(function (v) {
        var li = el('li');
        var b = el('button');
        b.type = 'button';
        var on = chosen.some(function (c) { return sameValue(c, v.value); });
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
        b.appendChild(el('span', 'label', v.value));
        b.appendChild(el('span', 'count', v.count ? v.count.toLocaleString() : ''));
        b.addEventListener('click', function () { toggleFilter(name, v.value); });
        li.appendChild(b);
        ul.appendChild(li);
      });
      sec.appendChild(ul);
      box.appendChild(sec);
    });
    renderActive();
  }

  function sameValue(a, b) { return String(a).toLowerCase() === String(b).toLowerCase(); }

  function renderActive() {
    var box = $('active');
    clear(box);
    Object.keys(state.filters).forEach(function (name) {
      state.filters[name].forEach(function (v) {
        var c = el('button', 'chip', (LABELS[name] || name) + ': ' + v + ' ×');
        c.type = 'button';
        c.title = 'Remove this filter';
        c.addEventListener('click', function () { toggleFilter(name, v); });
        box.appendChild(c);
      });
    });
  }

  function toggleFilter(name, value) {
    var list = state.filters[name];
    var i = list.findIndex(function (c) { return sameValue(c, value); });
    if (i >= 0) list.splice(i, 1); else list.push(value);
    state.page = 1;
    run(true);
  }

  function renderPager(total) {
    var nav = $('pager');
    clear(nav);
    var pages = Math.ceil(Math.min(total, MAX_OFFSET + PER_PAGE) / PER_PAGE);
    if (pages <= 1) return;
    var cur = state.page;
    function add(label, page, current, disabled) {
      var b = el('button', null, label);
      b.type = 'button';
      if (current) b.setAttribute('aria-current', 'page');
      b.disabled = !!disabled;
      b.addEventListener('click', function () { state.page = page; run(true); window.scrollTo(0, 0); });
      nav.appendChild(b);
    }
    add('‹ Previous', cur - 1, false, cur <= 1);
    var lo = Math.max(1, cur - 3), hi = Math.min(pages, lo + 6);
    lo = Math.max(1, Math.min(lo, hi - 6));
    for (var p = lo; p <= hi; p++) add(String(p), p, p === cur, false);
    add('Next ›', cur + 1, false, cur >= pages);
  }

  /* ---- the trends view ---- */
  function showView() {
    var trends = state.view === 'trends';
    $('trends').hidden = !trends;
    $('hits').hidden = trends;
    $('pager').hidden = trends;
    $('view-list').setAttribute('aria-pressed', trends ? 'false' : 'true');
    $('view-trends').setAttribute('aria-pressed', trends ? 'true' : 'false');
    $('by').value = state.by;
    $('split').value = state.split;
    $('measure').value = state.measure;
  }

  function runTrends() {
    if (trendsInflight) trendsInflight.abort();
    var ctl = new AbortController();
    trendsInflight = ctl;
    var chart = $('chart');
    chart.setAttribute('data-state', 'loading');
    $('trend-note').textContent = 'Counting…';
    fetch('api/trends?' + trendParams(state).toString(),
          { signal: ctl.signal, headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + r.status);
          return body;
        });
      })
      .then(drawTrends)
      .catch(function (e) {
        if (e.name === 'AbortError') return;
        clear(chart);
        chart.setAttribute('data-state', 'error');
        $('trend-note').textContent = e.message;
      });
  }

  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }

  /* A round axis maximum at or above v: 1, 2, 2.5 or 5 times a power of ten. */
  function niceMax(v) {
    if (!(v > 0)) return 1;
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) if (steps[i] * p >= v) return steps[i] * p;
    return 10 * p;
  }

  function fmtNum(v) {
    return v >= 100 || v === Math.round(v) ? Math.round(v).toLocaleString() : v.toFixed(v >= 10 ? 1 : 2);
  }

  function drawTrends(d) {
    var chart = $('chart');
    clear(chart);
    var periods = d.periods || [];
    var series = (d.series || []).slice(0, MAX_LINES);
    var measure = state.measure;
    var share = measure === 'item_share';
    if (!periods.length || !d.items) {
      chart.setAttribute('data-state', 'empty');
      $('trend-note').textContent = 'No dated items match' + (state.q ? ' “' + state.q + '”' : '') + '.';
      return;
    }
    var W = 720, H = 320, L = 56, R = 16, T = 14, B = 46;
    var max = 0;
    series.forEach(function (s) {
      s.points.forEach(function (pt) { if (pt[measure] !== null && pt[measure] > max) max = pt[measure]; });
    });
    var ymax = niceMax(max);
    var x = function (i) { return L + (W - L - R) * (periods.length === 1 ? 0.5 : i / (periods.length - 1)); };
    var y = function (v) { return T + (H - T - B) * (1 - v / ymax); };
    var label = (share ? '% of all items' : 'matching items') + ' per ' +
      (state.by === 'municipal-year' ? 'municipal year' : state.by);
    var svg = svgEl('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img',
                             'aria-label': 'Trend of “' + (d.query || 'everything') + '”: ' + label });
    svg.appendChild(svgEl('title', {}, 'Trend of “' + (d.query || 'everything') + '”: ' + label));
    for (var g = 0; g <= 4; g++) {
      var gv = ymax * g / 4, gy = y(gv);
      svg.appendChild(svgEl('line', { 'class': g ? 'grid' : 'axis', x1: L, x2: W - R, y1: gy, y2: gy }));
      svg.appendChild(svgEl('text', { x: L - 6, y: gy + 4, 'text-anchor': 'end' }, fmtNum(gv)));
    }
    svg.appendChild(svgEl('line', { 'class': 'axis', x1: L, x2: L, y1: T, y2: H - B }));
    var every = Math.max(1, Math.ceil(periods.length / 12));
    periods.forEach(function (p, i) {
      if (i % every) return;
      svg.appendChild(svgEl('line', { 'class': 'axis', x1: x(i), x2: x(i), y1: H - B, y2: H - B + 4 }));
      svg.appendChild(svgEl('text', { x: x(i), y: H - B + 16, 'text-anchor': 'middle' }, p));
    });
    svg.appendChild(svgEl('text', { 'class': 'title', x: (L + W - R) / 2, y: H - 8, 'text-anchor': 'middle' },
                          state.by === 'municipal-year' ? 'municipal year (May to April)' : state.by));
    svg.appendChild(svgEl('text', { 'class': 'title', x: 14, y: (T + H - B) / 2, 'text-anchor': 'middle',
                                    transform: 'rotate(-90 14 ' + (T + H - B) / 2 + ')' },
                          share ? '% of all items' : 'matching items'));
    var legend = el('ul', 'legend');
    series.forEach(function (s, k) {
      /* A period with no items in the series (no meeting) is a gap, not a zero. */
      var d = '', n = 0, prev = false, colour = COLOURS[k % COLOURS.length];
      var dots = svgEl('g', { fill: colour });
      s.points.forEach(function (pt, i) {
        if (pt[measure] === null) { prev = false; return; }
        var px = x(i).toFixed(1), py = y(pt[measure]).toFixed(1);
        d += (prev ? ' L' : ' M') + px + ',' + py;
        prev = true;
        n++;
        if (periods.length <= 60) dots.appendChild(svgEl('circle', { cx: px, cy: py, r: 2.5 }));
      });
      var attrs = { 'class': 'line', d: d.trim(), stroke: colour, 'data-series': s.name,
                    'data-points': n };
      if (DASHES[k]) attrs['stroke-dasharray'] = DASHES[k];
      svg.appendChild(svgEl('path', attrs));
      svg.appendChild(dots);
      var li = el('li');
      var key = svgEl('svg', { width: 28, height: 10, 'aria-hidden': 'true' });
      var sample = { x1: 1, x2: 27, y1: 5, y2: 5, stroke: COLOURS[k % COLOURS.length], 'stroke-width': 2 };
      if (DASHES[k]) sample['stroke-dasharray'] = DASHES[k];
      key.appendChild(svgEl('line', sample));
      li.appendChild(key);
      var total = s.points.reduce(function (a, pt) { return a + pt.items; }, 0);
      li.appendChild(document.createTextNode(' ' + s.name + ' (' + total.toLocaleString() +
                                             (total === 1 ? ' item)' : ' items)')));
      legend.appendChild(li);
    });
    chart.appendChild(svg);
    var cap = el('figcaption');
    cap.appendChild(legend);
    chart.appendChild(cap);
    chart.setAttribute('data-state', 'done');
    var more = (d.series || []).length - series.length;
    $('trend-note').textContent = d.items.toLocaleString() + ' matching items in ' +
      d.meetings.toLocaleString() + ' meetings' +
      (d.undated_items ? ', ' + d.undated_items + ' undated (not shown)' : '') +
      (more > 0 ? '; ' + more + ' smaller series not drawn' : '') +
      (d.denominators_partial ? '; shares ignore the person, format and kind filters' : '') + '.';
  }

  /* ---- the form ---- */
  function syncForm() {
    $('q').value = state.q;
    $('from').value = /^\d{4}-\d{2}-\d{2}$/.test(state.from) ? state.from : '';
    $('to').value = /^\d{4}-\d{2}-\d{2}$/.test(state.to) ? state.to : '';
    $('sort').value = state.sort;
    $('group').checked = state.group;
    document.title = state.q ? state.q + ' – council minutes' : 'Search council minutes';
  }

  function init() {
    state = fromURL(location.search);
    $('search').addEventListener('submit', function (e) {
      e.preventDefault();
      state.q = $('q').value.trim();
      state.page = 1;
      run(true);
    });
    ['from', 'to'].forEach(function (id) {
      $(id).addEventListener('change', function () { state[id] = $(id).value; state.page = 1; run(true); });
    });
    $('sort').addEventListener('change', function () { state.sort = $('sort').value; state.page = 1; run(true); });
    $('group').addEventListener('change', function () { state.group = $('group').checked; state.page = 1; run(true); });
    $('view-list').addEventListener('click', function () { state.view = ''; run(true); });
    $('view-trends').addEventListener('click', function () { state.view = 'trends'; run(true); });
    ['by', 'split', 'measure'].forEach(function (id) {
      $(id).addEventListener('change', function () { state[id] = $(id).value; run(true); });
    });
    $('suggest-link').addEventListener('click', function (e) {
      e.preventDefault();
      state.q = $('suggest-link').textContent;
      state.page = 1;
      run(true);
    });
    window.addEventListener('popstate', function () { state = fromURL(location.search); run(false); });
    if (window.matchMedia && window.matchMedia('(max-width: 760px)').matches) $('filters').open = false;
    run(false);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();

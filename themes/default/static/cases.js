/* govatlas case explorer, the page: facets with live counts, a text
   filter, sorting, paging and a CSV of the matching cases, over the
   server-rendered table (which, without this script, is the whole story).
   The whole state is in the URL hash (#flag=personal_data&use=enforcement&p=2),
   which works on any static host and from file://, survives a reload, and is
   carried by the language switch. The filtering itself is static/case-engine.js. */
(function () {
  "use strict";
  var root = document.getElementById("explorer");
  var table = document.getElementById("case-table");
  if (!root || !table || !window.govatlasEngine) return;
  var T = JSON.parse(root.getAttribute("data-strings"));
  var lang = document.body.getAttribute("data-lang");
  var siteRoot = document.body.getAttribute("data-root") || "";
  var scope = root.getAttribute("data-scope");
  var PAGE = +root.getAttribute("data-page-size") || 200;
  var $ = function (id) { return document.getElementById(id); };
  var E, D, facets, texts = null, textHit = null, matched = null;
  var state = { q: "", sort: "", dir: "", p: 1 };
  var FACET_TITLES = { jurisdiction: T.jurisdiction, inventory: T.inventory, use: T.ex_use, technique: T.technique, flag: T.risk_flag, agency: T.agency, stage: T.stage };
  var SHORT = 8; /* options shown before "show all" */

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }
  /* The tx macro of macros.html: text, marked when shown in another language. */
  function tx(t, fb) {
    return fb ? '<span lang="' + esc(fb) + '" class="fallback">' + esc(t) + '</span><span class="fb-mark" title="fallback">[' + esc(fb) + "]</span>" : esc(t);
  }
  function fmt(n) { return n.toLocaleString(lang); }

  /* ---- URL state ---- */
  function readHash() {
    var h = location.hash.replace(/^#/, ""), s = { q: "", sort: "", dir: "", p: 1 }, any = false;
    var sel = {};
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i < 0) return;
      var k = decodeURIComponent(kv.slice(0, i)), v = kv.slice(i + 1);
      if (k === "use_class") k = "use";
      if (k === "q" || k === "sort" || k === "dir") s[k] = decodeURIComponent(v);
      else if (k === "p") s.p = parseInt(v, 10) || 1;
      else sel[k] = v.split(",").map(decodeURIComponent);
      any = true;
    });
    facets.forEach(function (f) {
      var want = sel[f.key] || [];
      f.options.forEach(function (o, n) {
        f.sel[n] = o.keys.some(function (k) { return want.indexOf(k) >= 0; }) ? 1 : 0;
      });
    });
    if (!any) s.p = +root.getAttribute("data-page") || 1;
    state = s;
    return any;
  }
  function hashOf() {
    var parts = [];
    facets.forEach(function (f) {
      var keys = [];
      f.options.forEach(function (o, n) { if (f.sel[n]) keys = keys.concat(o.keys); });
      if (keys.length) parts.push(f.key + "=" + keys.map(encodeURIComponent).join(","));
    });
    ["q", "sort", "dir"].forEach(function (k) { if (state[k]) parts.push(k + "=" + encodeURIComponent(state[k])); });
    if (state.p > 1) parts.push("p=" + state.p);
    return parts.length ? "#" + parts.join("&") : "";
  }
  function writeHash() {
    var h = hashOf();
    if (h !== location.hash && !(h === "" && location.hash === "")) {
      try { history.replaceState(null, "", location.pathname + location.search + h); }
      catch (e) { location.hash = h; }
    }
    carryToLanguageSwitch(h);
  }
  /* The language switch lands on the same filtered view. */
  function carryToLanguageSwitch(h) {
    document.querySelectorAll("nav.lang a[hreflang]").forEach(function (a) {
      if (!a.hasAttribute("data-base-href")) a.setAttribute("data-base-href", a.getAttribute("href"));
      a.setAttribute("href", a.getAttribute("data-base-href") + h);
    });
  }

  /* ---- the facet panel ---- */
  function optionHtml(f, n) {
    var o = f.options[n];
    return '<li data-o="' + n + '"><label><input type="checkbox" data-f="' + f.key + '" value="' + n + '"' + (f.sel[n] ? " checked" : "") +
      '> <span class="o-label">' + tx(o.label, o.fb) + '</span> <span class="o-count" data-count></span></label>';
  }
  function facetHtml(f) {
    var present = f.options.filter(function (o, n) { return f.total[n] > 0 || f.sel[n]; }).length;
    if (f.key === "inventory" && scope) return "";
    if (present < 2 && !f.sel.some(function (x) { return x; })) return "";
    var order = f.options.map(function (o, n) { return n; });
    if (f.key === "agency" || f.key === "stage") order.sort(function (a, b) { return f.total[b] - f.total[a] || a - b; });
    var html = '<details class="facet" data-facet="' + f.key + '" open><summary>' + esc(FACET_TITLES[f.key]) +
      ' <span class="facet-n" data-n></span></summary><fieldset><legend class="sr-only">' + esc(FACET_TITLES[f.key]) + "</legend>";
    var shown = order.filter(function (n) { return f.total[n] > 0 || f.sel[n]; });
    if (shown.length > 15) html += '<input type="search" class="facet-find" data-find="' + f.key + '" aria-label="' + esc(T.ex_find + ": " + FACET_TITLES[f.key]) + '" placeholder="' + esc(T.ex_find) + '">';
    html += '<ul class="options">';
    if (f.key === "use") {
      shown.forEach(function (n) {
        if (f.options[n].parent >= 0) return;
        html += optionHtml(f, n);
        var subs = shown.filter(function (m) { return f.options[m].parent === n; });
        if (subs.length) html += '<ul class="sub-options">' + subs.map(function (m) { return optionHtml(f, m) + "</li>"; }).join("") + "</ul>";
        html += "</li>";
      });
    } else if (f.key === "flag") {
      var na = shown.filter(function (n) { return f.options[n].na; });
      shown.filter(function (n) { return !f.options[n].na; }).forEach(function (n) { html += optionHtml(f, n) + "</li>"; });
      if (na.length) html += '</ul><p class="facet-sub">' + esc(T.ex_not_assessed_group) + '</p><ul class="options">' + na.map(function (n) { return optionHtml(f, n) + "</li>"; }).join("");
    } else {
      shown.forEach(function (n, k) { html += optionHtml(f, n).replace("<li ", k >= SHORT && !f.sel[n] ? '<li data-extra hidden ' : "<li ") + "</li>"; });
    }
    html += "</ul>";
    if (f.key !== "use" && f.key !== "flag" && shown.length > SHORT) {
      html += '<button type="button" class="facet-more" data-more="' + f.key + '" aria-expanded="false">' + esc(T.ex_show_all.replace("{n}", fmt(shown.length))) + "</button>";
    }
    return html + "</fieldset></details>";
  }
  var panelCounts = [];
  function buildPanel() {
    var box = $("ex-facets");
    box.innerHTML = facets.map(facetHtml).join("");
    panelCounts = [];
    facets.forEach(function (f) {
      var el = box.querySelector('[data-facet="' + f.key + '"]');
      if (!el) return;
      var spans = [];
      el.querySelectorAll("li[data-o]").forEach(function (li) {
        spans.push([+li.getAttribute("data-o"), li.querySelector("[data-count]"), li]);
      });
      panelCounts.push({ f: f, spans: spans, n: el.querySelector("[data-n]") });
    });
  }
  function updatePanel() {
    var active = 0;
    panelCounts.forEach(function (p) {
      var chosen = 0;
      p.spans.forEach(function (s) {
        var n = p.f.counts[s[0]], text = fmt(n);
        if (s[1].textContent !== text) s[1].textContent = text;
        s[2].classList.toggle("zero", n === 0 && !p.f.sel[s[0]]);
        if (p.f.sel[s[0]]) chosen++;
      });
      p.n.textContent = chosen ? "(" + chosen + ")" : "";
      active += chosen;
    });
    if (state.q) active++;
    $("ex-active-n").textContent = active ? "(" + active + ")" : "";
    $("ex-clear").hidden = active === 0;
  }

  /* ---- chips for what is chosen ---- */
  function updateChips() {
    var html = "";
    facets.forEach(function (f) {
      f.options.forEach(function (o, n) {
        if (!f.sel[n]) return;
        var label = FACET_TITLES[f.key] + ": " + o.label;
        html += '<li><button type="button" class="chip" data-f="' + f.key + '" data-o="' + n + '" aria-label="' + esc(T.ex_remove.replace("{label}", label)) + '">' + esc(label) + ' <span aria-hidden="true">×</span></button></li>';
      });
    });
    if (state.q) html += '<li><button type="button" class="chip" data-q aria-label="' + esc(T.ex_remove.replace("{label}", state.q)) + '">“' + esc(state.q) + '” <span aria-hidden="true">×</span></button></li>';
    $("ex-chips").innerHTML = html;
  }

  /* ---- the table ---- */
  var SORTS = ["name", "agency", "jurisdiction", "use", "technique", "stage", "flags"];
  function rowHtml(i) {
    var c = E.c, d = D, j = d.jurisdictions[c.jur[i]], inv = d.inventories[c.inv[i]], u = d.uses[c.use[i]];
    var ag = d.agencies[c.agency[i]], st = d.stages[c.stage[i]];
    var h = '<tr id="case-' + esc(c.id[i]) + '"><th scope="row" class="c-name"><a href="' + esc(siteRoot + d.case_url + c.id[i].toLowerCase() + ".html") + '">' +
      tx(c.name[i], c.nameFb[i]) + '</a><span class="c-sub">' + (ag ? tx(ag[1], ag[2]) : "") + "</span></th>";
    h += '<td class="c-where" data-label="' + esc(T.jurisdiction) + '">' + tx(j[1], j[2]) + '<span class="c-sub">' + tx(inv[1], inv[2]) + "</span></td>";
    h += '<td class="c-use" data-label="' + esc(T.use_class) + '">' + tx(u[1], u[2]);
    if (c.sub[i] >= 0) { var s = d.uses[c.sub[i]]; h += '<span class="c-sub">' + tx(s[1], s[2]) + "</span>"; }
    h += '</td><td class="c-tech" data-label="' + esc(T.techniques) + '">' + c.techList[i].map(function (t) { return tx(d.techniques[t][1], d.techniques[t][2]); }).join(T.list_sep) + "</td>";
    h += '<td class="c-stage" data-label="' + esc(T.stage) + '">' + (st ? tx(st[1], st[2]) : "") + "</td>";
    E.flagStates(i).forEach(function (s, k) {
      h += '<td class="c-flag f-' + s + '" data-label="' + esc(d.flags[k][1]) + '"><span class="sr-only">' +
        esc(s === "on" ? T.ticked : s === "off" ? T.not_ticked : T.not_assessed) + "</span></td>";
    });
    return h + "</tr>";
  }
  var headers = [];
  function setupHeaders() {
    table.querySelectorAll("thead th[data-sort]").forEach(function (th) {
      var key = th.getAttribute("data-sort");
      var b = document.createElement("button");
      b.type = "button"; b.className = "sort";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () {
        if (state.sort === key) state.dir = state.dir === "desc" ? "" : "desc";
        else { state.sort = key; state.dir = ""; }
        state.p = 1;
        update();
      });
      headers.push({ th: th, key: key });
    });
    var sel = $("ex-sort"), opts = [["", T.ex_sort_default]].concat(SORTS.map(function (k) {
      return [k, { name: T.case, agency: T.agency, jurisdiction: T.jurisdiction, use: T.use_class, technique: T.techniques, stage: T.stage, flags: T.ex_sort_flags }[k]];
    })).concat(D.flags.map(function (x) { return ["flag:" + x[0], T.risk_flag + ": " + x[1]]; }));
    sel.innerHTML = opts.map(function (o) { return '<option value="' + esc(o[0]) + '">' + esc(o[1]) + "</option>"; }).join("") +
      opts.slice(1).map(function (o) { return '<option value="' + esc(o[0]) + ':desc">' + esc(o[1] + " (" + T.ex_desc + ")") + "</option>"; }).join("");
    sel.addEventListener("change", function () {
      var v = sel.value, desc = /:desc$/.test(v);
      state.sort = desc ? v.slice(0, -5) : v; state.dir = desc ? "desc" : ""; state.p = 1;
      update();
    });
  }

  function renderPager(pages) {
    var nav = $("ex-pager");
    if (!nav) {
      nav = document.createElement("nav");
      nav.id = "ex-pager"; nav.className = "pager ex-pager";
      nav.setAttribute("aria-label", T.pages_bottom);
      table.parentNode.parentNode.insertBefore(nav, table.parentNode.nextSibling);
      nav.addEventListener("click", function (e) {
        var b = e.target.closest("button[data-p]");
        if (!b) return;
        state.p = +b.getAttribute("data-p");
        update();
        table.scrollIntoView();
      });
    }
    nav.hidden = pages <= 1;
    var p = state.p, html = "", last = 0;
    var button = function (n, label, cur) {
      return '<button type="button" data-p="' + n + '"' + (cur ? ' aria-current="page"' : "") + ">" + esc(label) + "</button>";
    };
    if (p > 1) html += button(p - 1, T.previous);
    for (var n = 1; n <= pages; n++) {
      if (n === 1 || n === pages || Math.abs(n - p) <= 2) {
        if (last && n - last > 1) html += '<span class="gap" aria-hidden="true">…</span>';
        html += button(n, String(n), n === p);
        last = n;
      }
    }
    if (p < pages) html += button(p + 1, T.next);
    nav.innerHTML = html;
  }

  /* The rows of a page: the first screenfuls at once, the rest in the next
     frames, so a click is answered in the frame after it whatever the page
     size (laying out 200 rows of a wide table costs more than the filtering). */
  var FIRST = 25, drawing = 0;
  function drawRows(from, to) {
    var html = "", k, body = table.tBodies[0], mid = Math.min(to, from + FIRST);
    for (k = from; k < mid; k++) html += rowHtml(matched[k]);
    body.innerHTML = html;
    cancelAnimationFrame(drawing);
    table.removeAttribute("data-complete");
    var rest = function (start) {
      var end = Math.min(to, start + 80), more = "";
      for (var j = start; j < end; j++) more += rowHtml(matched[j]);
      body.insertAdjacentHTML("beforeend", more);
      if (end < to) drawing = requestAnimationFrame(function () { rest(end); });
      else table.setAttribute("data-complete", "true");
    };
    if (mid < to) drawing = requestAnimationFrame(function () { drawing = requestAnimationFrame(function () { rest(mid); }); });
    else table.setAttribute("data-complete", "true");
  }

  /* ---- one update: filter, count, draw ---- */
  function update(keepHash) {
    var t0 = performance.now();
    matched = E.run(facets, textHit, state.sort, state.dir === "desc");
    /* For tests/browser/bench-explorer.mjs: how long the engine's pass took. */
    window.govatlasExplorer.lastRun = performance.now() - t0;
    var pages = Math.max(1, Math.ceil(matched.length / PAGE));
    state.p = Math.min(Math.max(state.p, 1), pages);
    var from = (state.p - 1) * PAGE, to = Math.min(matched.length, from + PAGE);
    drawRows(from, to);
    $("case-count").textContent = matched.length
      ? T.ex_showing.replace("{from}", fmt(from + 1)).replace("{to}", fmt(to)).replace("{shown}", fmt(matched.length)).replace("{total}", fmt(E.base.length))
      : T.ex_none;
    headers.forEach(function (h) {
      if (h.key === state.sort) h.th.setAttribute("aria-sort", state.dir === "desc" ? "descending" : "ascending");
      else h.th.removeAttribute("aria-sort");
    });
    $("ex-sort").value = state.sort + (state.sort && state.dir === "desc" ? ":desc" : "");
    $("ex-download").textContent = T.ex_download.replace("{n}", fmt(matched.length));
    $("ex-download").disabled = matched.length === 0;
    updatePanel();
    updateChips();
    renderPager(pages);
    /* The address is written after the answer is drawn: history.replaceState
       can take longer than the whole filtering. */
    clearTimeout(hashTimer);
    if (!keepHash) hashTimer = setTimeout(writeHash, 0);
    table.setAttribute("data-filtered", "true");
  }
  var hashTimer = 0;

  /* ---- the text filter ---- */
  var textTimer = 0, textWanted = false;
  function setText(q) {
    state.q = q;
    if (q.trim() && texts === null && !textWanted) loadTexts();
    textHit = E.textMatch(q, texts);
  }
  function loadTexts() {
    textWanted = true;
    var s = document.createElement("script");
    s.src = root.getAttribute("data-text");
    s.onload = function () {
      var t = window.govatlasCaseText && window.govatlasCaseText[lang];
      if (!t) return;
      texts = t.text.map(function (x) { return x.toLowerCase(); });
      setText(state.q);
      update();
    };
    document.head.appendChild(s);
  }

  /* ---- a CSV of what matches ---- */
  function download() {
    var c = E.c, d = D, cell = window.govatlasEngine.csvCell;
    var head = ["id", "name", "agency", "jurisdiction", "inventory", "use_class", "use_subtype", "techniques", "stage"]
      .concat(d.flags.map(function (x) { return x[0]; })).concat(["page_url"]);
    var lines = [head.map(cell).join(",")];
    for (var k = 0; k < matched.length; k++) {
      var i = matched[k], ag = d.agencies[c.agency[i]], st = d.stages[c.stage[i]];
      var url = new URL(siteRoot + d.case_url + c.id[i].toLowerCase() + ".html", location.href).href;
      var row = [c.id[i], c.name[i], ag ? ag[1] : "", d.jurisdictions[c.jur[i]][1], d.inventories[c.inv[i]][1], d.uses[c.use[i]][1],
        c.sub[i] >= 0 ? d.uses[c.sub[i]][1] : "", c.techList[i].map(function (t) { return d.techniques[t][1]; }).join("; "), st ? st[1] : ""]
        .concat(E.flagStates(i).map(function (s) { return s === "on" ? "1" : s === "off" ? "0" : "NA"; })).concat([url]);
      lines.push(row.map(cell).join(","));
    }
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "cases" + (scope ? "-" + scope : "") + "-" + lang + ".csv";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  /* ---- wiring ---- */
  function start() {
    D = window.govatlasCases && window.govatlasCases[lang];
    if (!D) return;
    E = window.govatlasEngine.create(D, scope);
    window.govatlasExplorer = { cases: E.base.length, lastRun: 0 };
    facets = E.build(T);
    var fromUrl = readHash();
    if (state.q) setText(state.q);
    buildPanel();
    setupHeaders();
    document.querySelectorAll("#explorer nav.pager:not(.ex-pager)").forEach(function (n) { n.hidden = true; });
    $("ex-side").hidden = false;
    root.classList.add("ex-on");
    $("ex-bar").hidden = false;
    $("ex-q").value = state.q;
    if (window.matchMedia && window.matchMedia("(max-width: 56rem)").matches) $("ex-panel").open = false;
    $("ex-facets").addEventListener("change", function (e) {
      var t = e.target;
      if (!t.matches("input[type=checkbox][data-f]")) return;
      var f = facets.filter(function (x) { return x.key === t.getAttribute("data-f"); })[0];
      f.sel[+t.value] = t.checked ? 1 : 0;
      state.p = 1;
      update();
    });
    $("ex-facets").addEventListener("click", function (e) {
      var b = e.target.closest("button[data-more]");
      if (!b) return;
      var open = b.getAttribute("aria-expanded") !== "true";
      b.setAttribute("aria-expanded", String(open));
      b.closest("fieldset").querySelectorAll("li[data-extra]").forEach(function (li) { li.hidden = !open; });
      b.textContent = open ? T.ex_show_fewer : T.ex_show_all.replace("{n}", fmt(b.closest("fieldset").querySelectorAll("li[data-o]").length));
    });
    $("ex-facets").addEventListener("input", function (e) {
      var t = e.target;
      if (!t.matches("input[data-find]")) return;
      var q = t.value.trim().toLowerCase();
      t.closest("fieldset").querySelectorAll("li[data-o]").forEach(function (li) {
        li.hidden = q ? li.textContent.toLowerCase().indexOf(q) < 0 : li.hasAttribute("data-extra") && !li.querySelector("input").checked;
      });
    });
    $("ex-chips").addEventListener("click", function (e) {
      var b = e.target.closest("button.chip");
      if (!b) return;
      if (b.hasAttribute("data-q")) { $("ex-q").value = ""; setText(""); }
      else {
        var f = facets.filter(function (x) { return x.key === b.getAttribute("data-f"); })[0];
        f.sel[+b.getAttribute("data-o")] = 0;
        var box = $("ex-facets").querySelector('input[data-f="' + f.key + '"][value="' + b.getAttribute("data-o") + '"]');
        if (box) box.checked = false;
      }
      state.p = 1;
      update();
    });
    $("ex-clear").addEventListener("click", function () {
      facets.forEach(function (f) { f.sel.fill(0); });
      $("ex-facets").querySelectorAll("input[type=checkbox]").forEach(function (b) { b.checked = false; });
      $("ex-q").value = ""; setText(""); state.p = 1;
      update();
    });
    $("ex-q").addEventListener("input", function () {
      clearTimeout(textTimer);
      var q = this.value;
      textTimer = setTimeout(function () { setText(q); state.p = 1; update(); }, 150);
    });
    $("ex-q").addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); clearTimeout(textTimer); setText(this.value); state.p = 1; update(); } });
    $("ex-download").addEventListener("click", download);
    window.addEventListener("hashchange", function () {
      if (location.hash === hashOf()) return;
      readHash();
      setText(state.q);
      $("ex-q").value = state.q;
      buildPanel();
      update();
    });
    update(!fromUrl);
    carryToLanguageSwitch(fromUrl ? hashOf() : "");
  }

  var s = document.createElement("script");
  s.src = root.getAttribute("data-rows");
  s.onload = start;
  document.head.appendChild(s);
})();

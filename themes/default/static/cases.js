/* govatlas case table: filters (jurisdiction, inventory, use class,
   technique, risk flag) and sorting over every case, with the state in the
   URL hash so a filtered view can be shared and survives a reload. Without
   this script the server-rendered, paginated table is the whole story. The
   rows come from a compact per-language script loaded on first use. */
(function () {
  "use strict";
  var form = document.getElementById("case-filters");
  var table = document.getElementById("case-table");
  if (!form || !table) return;
  var lang = document.body.getAttribute("data-lang");
  var root = document.body.getAttribute("data-root") || "";
  var count = document.getElementById("case-count");
  var PAGE = 100;
  var FIELDS = ["jurisdiction", "inventory", "use_class", "technique", "flag"];
  var data = null;
  var state = {};
  var pagerNav = null;

  function readHash() {
    var s = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf("=");
      var k = decodeURIComponent(i < 0 ? kv : kv.slice(0, i));
      s[k] = i < 0 ? "" : decodeURIComponent(kv.slice(i + 1));
    });
    return s;
  }
  function writeHash() {
    var parts = [];
    FIELDS.concat(["sort", "dir", "p"]).forEach(function (k) {
      if (state[k]) parts.push(k + "=" + encodeURIComponent(state[k]));
    });
    var h = parts.length ? "#" + parts.join("&") : "";
    if (h !== location.hash && !(h === "" && location.hash === "#")) {
      try { history.replaceState(null, "", location.pathname + location.search + h); }
      catch (e) { location.hash = h; }
    }
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  var R = { url: 0, name: 1, agency: 2, inv: 3, uc: 4, sub: 5, tech: 6, flags: 7 };
  function matches(r) {
    if (state.inventory && r[R.inv] !== state.inventory) return false;
    if (state.jurisdiction && (data.inv[r[R.inv]] || [])[2] !== state.jurisdiction) return false;
    if (state.use_class && r[R.uc] !== state.use_class) return false;
    if (state.technique && r[R.tech].indexOf(state.technique) < 0) return false;
    if (state.flag && r[R.flags].indexOf(state.flag) < 0) return false;
    return true;
  }
  var collator = new Intl.Collator(lang, { numeric: true });
  function sortKey(r, key) {
    if (key === "name") return r[R.name];
    if (key === "agency") return r[R.agency];
    if (key === "use_class") return (data.uc[r[R.uc]] || r[R.uc]) + " " + (data.sub[r[R.uc] + "/" + r[R.sub]] || "");
    if (key === "techniques") return r[R.tech].map(function (t) { return data.tech[t] || t; }).join(" ");
    if (key.indexOf("flag:") === 0) return r[R.flags].indexOf(key.slice(5)) >= 0 ? "0" : "1";
    return "";
  }

  var headers = [];
  function setupHeaders() {
    var ths = table.querySelectorAll("thead th");
    var keys = ["name", "agency", "use_class", "techniques"];
    ths.forEach(function (th, i) {
      var key = i < 4 ? keys[i] : "flag:" + th.getAttribute("data-flag");
      var b = el("button", { type: "button", "class": "sort", "data-sort": key });
      while (th.firstChild) b.appendChild(th.firstChild);
      b.setAttribute("aria-label", form.getAttribute("data-sort-by") + b.textContent);
      th.appendChild(b);
      b.addEventListener("click", function () {
        if (state.sort === key) state.dir = state.dir === "desc" ? "" : "desc";
        else { state.sort = key; state.dir = ""; }
        state.p = "";
        render();
      });
      headers.push({ th: th, key: key });
    });
  }

  function cell(tag, attrs, text) { return el(tag, attrs, text); }

  function rowEl(r) {
    var inv = data.inv[r[R.inv]] || ["", "", ""];
    var tr = el("tr", { "data-inventory": r[R.inv], "data-jurisdiction": inv[2], "data-use-class": r[R.uc], "data-flags": r[R.flags].join(" ") });
    var th = el("th", { scope: "row" });
    var a = el("a", { href: root + r[R.url] }, r[R.name]);
    th.appendChild(a);
    tr.appendChild(th);
    tr.appendChild(cell("td", {}, r[R.agency]));
    var uc = cell("td", {}, data.uc[r[R.uc]] || r[R.uc] || "");
    if (r[R.sub]) { uc.appendChild(el("br")); uc.appendChild(el("small", {}, data.sub[r[R.uc] + "/" + r[R.sub]] || r[R.sub])); }
    tr.appendChild(uc);
    tr.appendChild(cell("td", {}, r[R.tech].map(function (t) { return data.tech[t] || t; }).join(lang.indexOf("zh") === 0 ? "、" : ", ")));
    data.flags.forEach(function (f) {
      var td = el("td", { "class": "tick" });
      if (r[R.flags].indexOf(f) >= 0) td.appendChild(el("span", { "aria-label": form.getAttribute("data-ticked") }, "V"));
      else td.appendChild(el("span", { "class": "sr-only" }, form.getAttribute("data-not-ticked")));
      tr.appendChild(td);
    });
    return tr;
  }

  function render() {
    var rows = data.rows.filter(matches);
    if (state.sort) {
      var key = state.sort, dir = state.dir === "desc" ? -1 : 1;
      rows = rows.map(function (r, i) { return [r, i]; }).sort(function (a, b) {
        return dir * collator.compare(sortKey(a[0], key), sortKey(b[0], key)) || a[1] - b[1];
      }).map(function (x) { return x[0]; });
    }
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    var p = Math.min(Math.max(parseInt(state.p || "1", 10) || 1, 1), pages);
    var tbody = table.tBodies[0];
    var frag = document.createDocumentFragment();
    rows.slice((p - 1) * PAGE, p * PAGE).forEach(function (r) { frag.appendChild(rowEl(r)); });
    tbody.textContent = "";
    tbody.appendChild(frag);
    headers.forEach(function (h) {
      if (h.key === state.sort) h.th.setAttribute("aria-sort", state.dir === "desc" ? "descending" : "ascending");
      else h.th.removeAttribute("aria-sort");
    });
    count.textContent = form.getAttribute("data-showing").replace("{shown}", rows.length).replace("{total}", data.rows.length);
    renderPager(p, pages);
    FIELDS.forEach(function (k) { if (form.elements[k]) form.elements[k].value = state[k] || ""; });
    writeHash();
    table.setAttribute("data-filtered", "true");
  }

  function renderPager(p, pages) {
    if (!pagerNav) {
      pagerNav = el("nav", { "class": "pager client-pager", "aria-label": form.getAttribute("data-page") });
      table.parentNode.parentNode.insertBefore(pagerNav, table.parentNode.nextSibling);
    }
    pagerNav.textContent = "";
    pagerNav.hidden = pages <= 1;
    function go(n, label, current) {
      var b = el("button", { type: "button" }, label);
      if (current) b.setAttribute("aria-current", "page");
      b.addEventListener("click", function () { state.p = n > 1 ? String(n) : ""; render(); table.scrollIntoView(); });
      pagerNav.appendChild(b);
    }
    if (p > 1) go(p - 1, form.getAttribute("data-previous"));
    for (var i = 1; i <= pages; i++) go(i, String(i), i === p);
    if (p < pages) go(p + 1, form.getAttribute("data-next"));
  }

  function start() {
    data = window.govatlasCases && window.govatlasCases[lang];
    if (!data) return;
    document.querySelectorAll("nav.pager").forEach(function (n) { n.hidden = true; });
    form.hidden = false;
    setupHeaders();
    state = readHash();
    FIELDS.forEach(function (k) {
      form.elements[k].addEventListener("change", function () { state[k] = this.value; state.p = ""; render(); });
    });
    form.addEventListener("reset", function (e) {
      e.preventDefault();
      FIELDS.forEach(function (k) { state[k] = ""; });
      state.p = "";
      render();
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    window.addEventListener("hashchange", function () { state = readHash(); render(); });
    render();
  }

  var s = document.createElement("script");
  s.src = form.getAttribute("data-rows");
  s.onload = start;
  document.head.appendChild(s);
})();

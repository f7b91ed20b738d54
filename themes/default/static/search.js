/* govatlas search: loads this language's index (a script, so it also works
   from file://) and matches every query token. Tokens are cut exactly as in
   src/render/search.rs: Han/kana/Hangul runs become character bigrams,
   other letters and digits become words; Latin words also match as prefixes. */
(function () {
  "use strict";
  var list = document.getElementById("search-results");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  if (!list || !input) return;
  var lang = document.body.getAttribute("data-lang");
  var root = document.body.getAttribute("data-root") || "";
  var index = null;
  var termList = null;

  function isCjk(cp) {
    return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x20000 && cp <= 0x2ffff);
  }
  var wordChar = /[\p{L}\p{N}]/u;
  function fold(ch) {
    var cp = ch.codePointAt(0);
    if (cp >= 0xff01 && cp <= 0xff5e) ch = String.fromCodePoint(cp - 0xfee0);
    return ch.toLowerCase();
  }
  /* Returns [{t: token, cjk: bool}]. */
  function tokens(text) {
    var out = [], run = [], runCjk = false;
    function flush() {
      if (!run.length) return;
      if (runCjk) {
        if (run.length === 1) out.push({ t: run[0], cjk: true });
        else for (var i = 0; i + 1 < run.length; i++) out.push({ t: run[i] + run[i + 1], cjk: true });
      } else out.push({ t: run.join(""), cjk: false });
      run = [];
    }
    for (var ch of text) {
      ch = fold(ch);
      if (ch.length > 1) ch = Array.from(ch)[0];
      var cp = ch.codePointAt(0);
      if (isCjk(cp)) { if (!runCjk) flush(); runCjk = true; run.push(ch); }
      else if (wordChar.test(ch)) { if (runCjk) flush(); runCjk = false; run.push(ch); }
      else flush();
    }
    flush();
    return out;
  }

  /* doc -> field bits for one query token. */
  function postings(tok) {
    var hits = new Map();
    function add(list) {
      for (var i = 0; i < list.length; i++) {
        var d = list[i] >> 2, f = list[i] & 3;
        hits.set(d, (hits.get(d) || 0) | f);
      }
    }
    var exact = index.terms[tok.t];
    if (exact) add(exact);
    if (tok.cjk && tok.t.length === 1) {
      /* One character: any bigram holding it. */
      for (var i = 0; i < termList.length; i++) {
        var k = termList[i];
        if (k !== tok.t && k.indexOf(tok.t) >= 0) add(index.terms[k]);
      }
    } else if (!tok.cjk && tok.t.length >= 2) {
      for (var j = 0; j < termList.length; j++) {
        var w = termList[j];
        if (w !== tok.t && w.lastIndexOf(tok.t, 0) === 0) add(index.terms[w]);
      }
    }
    return hits;
  }

  function search(q) {
    var toks = tokens(q);
    if (!toks.length) return [];
    var scores = null;
    toks.forEach(function (tok) {
      var p = postings(tok), next = new Map();
      p.forEach(function (f, d) {
        if (scores && !scores.has(d)) return;
        next.set(d, (scores ? scores.get(d) : 0) + (f & 1 ? 3 : 0) + (f & 2 ? 1 : 0));
      });
      scores = next;
    });
    /* A title holding the query as written ranks first. */
    var phrase = Array.from(q.trim()).map(fold).join("");
    if (phrase.length > 1) scores.forEach(function (sc, d) {
      if (index.docs[d][1].toLowerCase().indexOf(phrase) >= 0) scores.set(d, sc + 10);
    });
    var order = { jurisdiction: 0, framework: 1, inventory: 2, case: 3, provision: 4, page: 5 };
    return Array.from(scores.entries()).sort(function (a, b) {
      return b[1] - a[1] || order[index.docs[a[0]][2]] - order[index.docs[b[0]][2]] || a[0] - b[0];
    }).map(function (e) { return index.docs[e[0]]; });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function show(q) {
    list.textContent = "";
    if (!q.trim()) { status.textContent = ""; return; }
    var results = search(q);
    status.textContent = results.length
      ? list.getAttribute("data-count").replace("{n}", results.length)
      : list.getAttribute("data-none");
    results.slice(0, 100).forEach(function (d) {
      var li = el("li", "result result-" + d[2]);
      var kind = el("span", "kind", index.kinds[d[2]] || d[2]);
      var a = el("a", null, d[1]);
      a.href = root + d[0];
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      if (d[3]) li.appendChild(el("p", "excerpt", d[3]));
      list.appendChild(li);
    });
  }

  function queryFromUrl() {
    var m = /[?&]q=([^&#]*)/.exec(location.search);
    return m ? decodeURIComponent(m[1].replace(/\+/g, " ")) : "";
  }

  function update() {
    show(input.value);
    try {
      var url = location.pathname + (input.value ? "?q=" + encodeURIComponent(input.value) : "");
      history.replaceState(null, "", url);
    } catch (e) { /* file:// may refuse; the results still show */ }
  }

  function ready() {
    index = window.govatlasSearch && window.govatlasSearch[lang];
    if (!index) return;
    termList = Object.keys(index.terms);
    input.addEventListener("input", update);
    input.form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    show(input.value);
    list.setAttribute("data-ready", "true");
  }

  input.value = queryFromUrl();
  status.textContent = list.getAttribute("data-loading");
  var s = document.createElement("script");
  s.src = list.getAttribute("data-index");
  s.onload = ready;
  s.onerror = function () { status.textContent = "index missing: " + s.src; };
  document.head.appendChild(s);
})();

/* govatlas search: loads this language's index (a script, so it also works
   from file://) and matches every query token. Tokens are cut exactly as in
   src/render/search/tokens.rs: Han/kana/Hangul runs become character
   bigrams, other letters and digits become words; Latin words also match as
   prefixes. A token also matches a case through the labels, in every
   language, of what it carries (flags, techniques, use class, agency, the
   methods that set its flags): 個資 finds cases named in English through
   the personal-data flag. Results are grouped by kind with counts; the
   filters whose labels match lead to the case explorer; an empty result
   suggests the nearest words the index knows. */
(function () {
  "use strict";
  var box = document.getElementById("search-results");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  if (!box || !input) return;
  var lang = document.body.getAttribute("data-lang");
  var root = document.body.getAttribute("data-root") || "";
  var A = function (k) { return box.getAttribute("data-" + k) || ""; };
  var index = null, words = null, labelTokens = null;
  var ORDER = ["jurisdiction", "framework", "provision", "inventory", "case", "page"];
  var FACET = { f: "flag", t: "technique", u: "use", a: "agency", m: "" };
  var FACET_KIND = { f: A("kind-flag"), t: A("kind-technique"), u: A("kind-use"), a: A("kind-agency"), m: A("kind-method") };
  var SHOWN = 10;

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
  /* Whether index token `w` answers query token `tok`: the same, or (Latin)
     a word it begins, or (one Han character) a bigram holding it. */
  function answers(tok, w) {
    if (w === tok.t) return true;
    if (tok.cjk) return tok.t.length === 1 && w.indexOf(tok.t) >= 0;
    return tok.t.length >= 2 && w.lastIndexOf(tok.t, 0) === 0;
  }
  /* The label keys whose labels hold a token answering `tok`. */
  function labelKeys(tok) {
    var keys = [];
    for (var k in labelTokens) if (labelTokens[k].some(function (w) { return answers(tok, w); })) keys.push(k);
    return keys;
  }

  /* doc -> field bits for one query token. */
  function postings(tok) {
    var hits = new Map();
    function add(list, body) {
      for (var i = 0; i < list.length; i++) {
        var d = list[i] >> 2, f = body ? 2 : list[i] & 3;
        hits.set(d, (hits.get(d) || 0) | f);
      }
    }
    for (var i = 0; i < words.length; i++) if (answers(tok, words[i])) add(index.terms[words[i]]);
    labelKeys(tok).forEach(function (k) { if (index.terms[k]) add(index.terms[k], true); });
    return hits;
  }

  function search(q) {
    var toks = tokens(q);
    if (!toks.length) return { docs: [], terms: [], toks: toks };
    /* Bodies leave out the index's stop words: a query drops them unless
       they are all it has (titles keep them). */
    var kept = toks.filter(function (tok) { return (index.stop || []).indexOf(tok.t) < 0; });
    if (kept.length) toks = kept;
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
    var docs = Array.from(scores.entries()).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; })
      .map(function (e) { return e[0]; });
    /* Filters: values whose labels answer every query token. */
    var terms = Object.keys(index.labels).filter(function (k) {
      return index.terms[k] && toks.every(function (tok) { return labelTokens[k].some(function (w) { return answers(tok, w); }); });
    }).sort(function (a, b) { return index.terms[b].length - index.terms[a].length || (a < b ? -1 : 1); });
    return { docs: docs, terms: terms, toks: toks };
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function docUrl(d) {
    return root + (d[2] === "case" ? index.case_url + d[0] + ".html" : d[0]);
  }

  function showTerms(terms) {
    var g = el("section", "search-group search-terms");
    g.id = "group-term";
    var h = el("h2", null, A("filters") + " ");
    h.appendChild(el("span", "n", "(" + terms.length + ")"));
    g.appendChild(h);
    var ol = el("ol");
    terms.slice(0, SHOWN).forEach(function (k) {
      var kind = k.charAt(1), key = k.slice(3), li = el("li");
      li.appendChild(el("span", "kind", FACET_KIND[kind] || ""));
      var label = index.labels[k][0] || key, n = index.terms[k].length;
      var text = label + " — " + A("term-cases").replace("{n}", n.toLocaleString(lang));
      if (FACET[kind]) {
        var a = el("a", null, text);
        a.href = A("explorer") + "#" + FACET[kind] + "=" + encodeURIComponent(key);
        li.appendChild(a);
      } else li.appendChild(document.createTextNode(text));
      ol.appendChild(li);
    });
    g.appendChild(ol);
    return g;
  }

  function showGroup(kind, list) {
    var g = el("section", "search-group");
    g.id = "group-" + kind;
    var h = el("h2", null, (index.kinds[kind] || kind) + " ");
    h.appendChild(el("span", "n", "(" + list.length.toLocaleString(lang) + ")"));
    g.appendChild(h);
    var ol = el("ol");
    function draw(n) {
      ol.textContent = "";
      list.slice(0, n).forEach(function (d) {
        var doc = index.docs[d], li = el("li"), a = el("a", null, doc[1]);
        a.href = docUrl(doc);
        li.appendChild(a);
        if (doc[3]) li.appendChild(el("p", "excerpt", doc[3]));
        ol.appendChild(li);
      });
    }
    draw(SHOWN);
    g.appendChild(ol);
    if (list.length > SHOWN) {
      var more = el("button", "more", A("more").replace("{n}", list.length.toLocaleString(lang)));
      more.type = "button";
      more.addEventListener("click", function () { draw(list.length); more.remove(); });
      g.appendChild(more);
    }
    return g;
  }

  /* Nearest words the index knows, for a query that found nothing. */
  function suggestions(toks) {
    var out = [];
    toks.forEach(function (tok) {
      if (postings(tok).size) return;
      var cands = [];
      if (tok.cjk) {
        var chars = Array.from(tok.t);
        Object.keys(index.labels).forEach(function (k) {
          index.labels[k].forEach(function (l) {
            var shared = chars.filter(function (c) { return l.indexOf(c) >= 0; }).length;
            if (shared && index.terms[k]) cands.push([l, -shared * 2, -index.terms[k].length]);
          });
        });
        words.forEach(function (w) {
          if (w.length === tok.t.length && chars.some(function (c, i) { return Array.from(w)[i] === c; })) cands.push([w, -1, -index.terms[w].length]);
        });
      } else if (tok.t.length >= 3) {
        var max = tok.t.length <= 4 ? 1 : 2;
        words.forEach(function (w) {
          if (Math.abs(w.length - tok.t.length) > max || tokens(w)[0].cjk) return;
          var d = distance(tok.t, w, max);
          if (d <= max) cands.push([w, d, -index.terms[w].length]);
        });
      }
      cands.sort(function (a, b) { return a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : 1); });
      cands.slice(0, 4).forEach(function (c) { if (out.indexOf(c[0]) < 0) out.push(c[0]); });
    });
    return out.slice(0, 6);
  }
  /* Edit distance, giving up past `max`. */
  function distance(a, b, max) {
    var prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        best = Math.min(best, cur[j]);
      }
      if (best > max) return max + 1;
      prev = cur;
    }
    return prev[b.length];
  }

  function show(q) {
    box.textContent = "";
    if (!q.trim()) { status.textContent = ""; return; }
    var r = search(q);
    var byKind = {};
    r.docs.forEach(function (d) { (byKind[index.docs[d][2]] = byKind[index.docs[d][2]] || []).push(d); });
    status.textContent = r.docs.length ? A("count").replace("{n}", r.docs.length.toLocaleString(lang)) : A("none");
    if (!r.docs.length && !r.terms.length) {
      var tips = suggestions(r.toks);
      if (tips.length) {
        var p = el("p", "search-suggest", A("suggest") + " ");
        tips.forEach(function (t, i) {
          var a = el("a", null, t);
          a.href = "?q=" + encodeURIComponent(t);
          a.addEventListener("click", function (e) { e.preventDefault(); input.value = t; update(); });
          if (i) p.appendChild(document.createTextNode(" · "));
          p.appendChild(a);
        });
        box.appendChild(p);
      }
      return;
    }
    var kinds = ORDER.filter(function (k) { return byKind[k]; });
    var nav = el("ul", "search-kinds");
    nav.setAttribute("aria-label", A("groups"));
    if (r.terms.length) kinds.unshift("term");
    kinds.forEach(function (k) {
      var li = el("li"), a = el("a", null, (k === "term" ? A("filters") : index.kinds[k]) + " (" + (k === "term" ? r.terms.length : byKind[k].length).toLocaleString(lang) + ")");
      a.href = "#group-" + k;
      li.appendChild(a);
      nav.appendChild(li);
    });
    if (kinds.length > 1) box.appendChild(nav);
    if (r.terms.length) box.appendChild(showTerms(r.terms));
    ORDER.forEach(function (k) { if (byKind[k]) box.appendChild(showGroup(k, byKind[k])); });
  }

  function queryFromUrl() {
    var m = /[?&]q=([^&#]*)/.exec(location.search);
    return m ? decodeURIComponent(m[1].replace(/\+/g, " ")) : "";
  }
  /* The language switch and the URL keep the query. */
  function keepQuery() {
    var qs = input.value ? "?q=" + encodeURIComponent(input.value) : "";
    try { history.replaceState(null, "", location.pathname + qs); } catch (e) { /* file:// may refuse */ }
    document.querySelectorAll("nav.lang a[hreflang]").forEach(function (a) {
      if (!a.hasAttribute("data-base-href")) a.setAttribute("data-base-href", a.getAttribute("href").replace(/[?#].*$/, ""));
      a.setAttribute("href", a.getAttribute("data-base-href") + qs);
    });
  }
  function update() { show(input.value); keepQuery(); }

  function ready() {
    index = window.govatlasSearch && window.govatlasSearch[lang];
    if (!index) return;
    words = Object.keys(index.terms).filter(function (w) { return w.charAt(0) !== "#"; });
    labelTokens = {};
    Object.keys(index.labels).forEach(function (k) {
      labelTokens[k] = index.labels[k].reduce(function (all, l) { return all.concat(tokens(l).map(function (t) { return t.t; })); }, []);
    });
    var timer = 0;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 120); });
    input.form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); update(); });
    update();
    box.setAttribute("data-ready", "true");
  }

  input.value = queryFromUrl();
  status.textContent = A("loading");
  var s = document.createElement("script");
  s.src = A("index");
  s.onload = ready;
  s.onerror = function () { status.textContent = "index missing: " + s.src; };
  document.head.appendChild(s);
})();

/* govatlas case explorer, the engine: turns data/case-rows.<lang>.js into
   typed columns once, then answers a filter state with the matching cases
   (in display order) and the live count of every facet option, in one pass
   over integers. OR within a facet, AND across facets; an option's count is
   how many cases it would show given every other facet's choice.
   No DOM here: static/cases.js draws what this computes. */
(function () {
  "use strict";

  /* Bit sets of `width` 32-bit words per case. */
  function bitset(n, width) { return new Uint32Array(Math.max(1, n * width)); }
  function setBit(bits, i, width, b) { bits[i * width + (b >> 5)] |= 1 << (b & 31); }
  function anyCommon(bits, i, width, mask) {
    for (var w = 0; w < width; w++) if (bits[i * width + w] & mask[w]) return true;
    return false;
  }
  function isEmpty(bits, i, width) {
    for (var w = 0; w < width; w++) if (bits[i * width + w]) return false;
    return true;
  }
  /* Adds one to n[offset + b] for every bit b set in case i's words. */
  function countBits(bits, i, width, n, offset) {
    for (var w = 0; w < width; w++) {
      var x = bits[i * width + w];
      while (x) {
        var low = x & -x;
        n[offset + w * 32 + 31 - Math.clz32(low)]++;
        x ^= low;
      }
    }
  }
  /* Calls f(b) for every bit b set in case i's words. */
  function eachBit(bits, i, width, f) {
    for (var w = 0; w < width; w++) {
      var x = bits[i * width + w];
      while (x) {
        var low = x & -x;
        f(w * 32 + 31 - Math.clz32(low));
        x ^= low;
      }
    }
  }

  function create(D, scopeInventory) {
    var rows = D.rows, N = rows.length;
    var nf = D.flags.length, nt = D.techniques.length;
    var FW = Math.ceil(nf / 32) || 1, TW = Math.ceil(nt / 32) || 1;
    var c = {
      id: new Array(N), name: new Array(N), nameFb: new Array(N),
      jur: new Uint16Array(N), inv: new Uint16Array(N), use: new Uint16Array(N), sub: new Int32Array(N),
      agency: new Int32Array(N), stage: new Int32Array(N),
      tech: bitset(N, TW), flags: bitset(N, FW), na: bitset(N, FW), techList: new Array(N)
    };
    var notStatedAgency = D.agencies.length, notStatedStage = D.stages.length;
    var scopeIdx = -1;
    D.inventories.forEach(function (x, k) { if (x[0] === scopeInventory) scopeIdx = k; });
    var inScope = 0;
    for (var i = 0; i < N; i++) {
      var r = rows[i];
      c.id[i] = r[0]; c.name[i] = r[1]; c.nameFb[i] = r[2];
      c.jur[i] = r[3]; c.inv[i] = r[4]; c.use[i] = r[5]; c.sub[i] = r[6];
      c.techList[i] = r[7];
      for (var k = 0; k < r[7].length; k++) setBit(c.tech, i, TW, r[7][k]);
      for (k = 0; k < r[8].length; k++) setBit(c.flags, i, FW, r[8][k]);
      for (k = 0; k < r[9].length; k++) setBit(c.na, i, FW, r[9][k]);
      c.agency[i] = r[10] < 0 ? notStatedAgency : r[10];
      c.stage[i] = r[11] < 0 ? notStatedStage : r[11];
      if (scopeIdx < 0 || r[4] === scopeIdx) inScope++;
    }
    var base = new Uint32Array(inScope);
    for (i = 0, k = 0; i < N; i++) if (scopeIdx < 0 || c.inv[i] === scopeIdx) base[k++] = i;
    D.rows = null; /* the columns hold it all now */

    function opt(keys, label, fb, extra) {
      var o = { keys: keys, label: label, fb: fb || "" };
      for (var x in extra || {}) o[x] = extra[x];
      return o;
    }
    function simple(list) { return list.map(function (x) { return opt([x[0]], x[1], x[2]); }); }
    function free(list, notStated) {
      return list.map(function (x) { return opt(x[0], x[1], x[2]); })
        .concat([opt(["~none"], notStated, "", { notStated: true })]);
    }

    /* A facet: its options, the chosen ones, how a case matches and counts. */
    function facet(key, options, kind, col) {
      return { key: key, options: options, kind: kind, col: col,
        sel: new Uint8Array(options.length), counts: new Uint32Array(options.length),
        total: new Uint32Array(options.length), mask: null, any: false };
    }
    var T = {};
    function build(strings) {
      T = strings;
      var flagOpts = simple(D.flags)
        .concat([opt(["~none"], strings.ex_no_flag, "", { none: true })])
        .concat(D.flags.map(function (x) {
          return opt(["~na~" + x[0]], strings.ex_not_assessed.replace("{flag}", x[1]), x[2], { na: true });
        }));
      var facets = [
        facet("jurisdiction", simple(D.jurisdictions), "one", c.jur),
        facet("inventory", simple(D.inventories), "one", c.inv),
        facet("use", D.uses.map(function (x) { return opt([x[0]], x[1], x[2], { parent: x[3] }); }), "use"),
        facet("technique", simple(D.techniques), "bits", c.tech),
        facet("flag", flagOpts, "flag"),
        facet("agency", free(D.agencies, strings.not_stated), "one", c.agency),
        facet("stage", free(D.stages, strings.not_stated), "one", c.stage)
      ];
      facets.forEach(function (f) { f.count = counter(f); f.match = matcher(f); });
      /* Counts over the scope with nothing chosen: what the panel orders by. */
      for (var k = 0; k < base.length; k++) for (var j = 0; j < facets.length; j++) facets[j].count(base[k], facets[j].total);
      return facets;
    }

    function counter(f) {
      if (f.kind === "one") { var col = f.col; return function (i, n) { n[col[i]]++; }; }
      if (f.kind === "use") return function (i, n) { n[c.use[i]]++; if (c.sub[i] >= 0) n[c.sub[i]]++; };
      if (f.kind === "bits") return function (i, n) { countBits(c.tech, i, TW, n, 0); };
      return function (i, n) {
        if (isEmpty(c.flags, i, FW)) n[nf]++;
        else countBits(c.flags, i, FW, n, 0);
        countBits(c.na, i, FW, n, nf + 1);
      };
    }
    function matcher(f) {
      var sel = f.sel;
      if (f.kind === "one") { var col = f.col; return function (i) { return sel[col[i]] === 1; }; }
      if (f.kind === "use") return function (i) { return sel[c.use[i]] === 1 || (c.sub[i] >= 0 && sel[c.sub[i]] === 1); };
      if (f.kind === "bits") return function (i) { return anyCommon(c.tech, i, TW, f.mask); };
      return function (i) {
        return anyCommon(c.flags, i, FW, f.mask) || anyCommon(c.na, i, FW, f.naMask) ||
          (f.none && isEmpty(c.flags, i, FW));
      };
    }
    /* After a change of f.sel: the masks its matcher reads. */
    function prepare(f) {
      f.any = false;
      for (var k = 0; k < f.sel.length; k++) if (f.sel[k]) f.any = true;
      if (f.kind === "bits") {
        f.mask = new Uint32Array(TW);
        for (k = 0; k < nt; k++) if (f.sel[k]) f.mask[k >> 5] |= 1 << (k & 31);
      } else if (f.kind === "flag") {
        f.mask = new Uint32Array(FW); f.naMask = new Uint32Array(FW);
        for (k = 0; k < nf; k++) {
          if (f.sel[k]) f.mask[k >> 5] |= 1 << (k & 31);
          if (f.sel[nf + 1 + k]) f.naMask[k >> 5] |= 1 << (k & 31);
        }
        f.none = f.sel[nf] === 1;
      }
    }

    /* Display orders: the scope's cases sorted by a key, made once per key. */
    var orders = {};
    var collator = new Intl.Collator(D.lang, { numeric: true, sensitivity: "base" });
    function rankOf(labels) {
      var idx = labels.map(function (_, k) { return k; });
      idx.sort(function (a, b) { return collator.compare(labels[a], labels[b]) || a - b; });
      var rank = new Uint32Array(labels.length);
      idx.forEach(function (k, r) { rank[k] = r; });
      return rank;
    }
    function keyOf(key, facets) {
      var keyCol = new Float64Array(N), i;
      var label = function (f) { return facets[f].options.map(function (o) { return o.notStated ? "\uffff" : o.label; }); };
      if (key === "jurisdiction") {
        var jr = rankOf(D.jurisdictions.map(function (x) { return x[1]; }));
        var ir = rankOf(D.inventories.map(function (x) { return x[1]; }));
        for (i = 0; i < N; i++) keyCol[i] = jr[c.jur[i]] * 65536 + ir[c.inv[i]];
      } else if (key === "use") {
        for (i = 0; i < N; i++) keyCol[i] = c.use[i] * 65536 + (c.sub[i] + 1);
      } else if (key === "agency" || key === "stage") {
        var rank = rankOf(label(key === "agency" ? 5 : 6)), col = c[key];
        for (i = 0; i < N; i++) keyCol[i] = rank[col[i]];
      } else if (key === "technique") {
        var tr = rankOf(D.techniques.map(function (x) { return x[1]; }));
        for (i = 0; i < N; i++) keyCol[i] = c.techList[i].length ? tr[c.techList[i][0]] : nt;
      } else if (key === "flags") {
        for (i = 0; i < N; i++) { var n = 0; eachBit(c.flags, i, FW, function () { n++; }); keyCol[i] = -n; }
      } else if (key.indexOf("flag:") === 0) {
        var b = -1;
        D.flags.forEach(function (x, k) { if (x[0] === key.slice(5)) b = k; });
        var m = new Uint32Array(FW); if (b >= 0) m[b >> 5] = 1 << (b & 31);
        for (i = 0; i < N; i++) keyCol[i] = anyCommon(c.flags, i, FW, m) ? 0 : anyCommon(c.na, i, FW, m) ? 2 : 1;
      } else return null;
      return keyCol;
    }
    function order(key, facets) {
      if (!key) return base;
      if (orders[key]) return orders[key];
      var idx = Array.prototype.slice.call(base);
      if (key === "name") {
        /* The collator for what a reader sorts by hand; past ~30k names its
           per-pair cost shows, and plain code-point order takes over. */
        if (base.length <= 30000) idx.sort(function (a, b) { return collator.compare(c.name[a], c.name[b]) || a - b; });
        else {
          var low = c.name.map(function (s) { return s.toLowerCase(); });
          idx.sort(function (a, b) { return low[a] < low[b] ? -1 : low[a] > low[b] ? 1 : a - b; });
        }
      } else {
        var k = keyOf(key, facets);
        if (!k) return base;
        idx.sort(function (a, b) { return k[a] - k[b] || a - b; });
      }
      return (orders[key] = Uint32Array.from(idx));
    }

    /* The pass: matching cases in display order, and every option's count. */
    var out = new Uint32Array(base.length);
    function run(facets, text, sortKey, desc) {
      var active = [], j;
      for (j = 0; j < facets.length; j++) { prepare(facets[j]); facets[j].counts.fill(0); if (facets[j].any) active.push(facets[j]); }
      var ord = order(sortKey, facets), m = 0, nA = active.length, nF = facets.length;
      var len = ord.length;
      for (var k = 0; k < len; k++) {
        var i = desc ? ord[len - 1 - k] : ord[k], fails = 0, failed = null;
        if (text && !text[i]) { fails = 1; failed = text; }
        for (j = 0; j < nA && fails < 2; j++) if (!active[j].match(i)) { fails++; failed = active[j]; }
        if (fails === 0) { out[m++] = i; for (j = 0; j < nF; j++) facets[j].count(i, facets[j].counts); }
        else if (fails === 1 && failed !== text) failed.count(i, failed.counts);
      }
      return out.subarray(0, m);
    }

    /* Which cases hold every word of `q` in their name, agency or text. */
    var lowName = null, lowAgency = null;
    function textMatch(q, texts) {
      var words = q.toLowerCase().split(/\s+/).filter(Boolean);
      if (!words.length) return null;
      if (!lowName) {
        lowName = c.name.map(function (s) { return s.toLowerCase(); });
        lowAgency = D.agencies.map(function (x) { return x[1].toLowerCase(); }).concat([""]);
      }
      var hit = new Uint8Array(N);
      for (var k = 0; k < base.length; k++) {
        var i = base[k], ok = true;
        for (var w = 0; w < words.length && ok; w++) {
          ok = lowName[i].indexOf(words[w]) >= 0 || lowAgency[c.agency[i]].indexOf(words[w]) >= 0 ||
            (texts !== null && texts[i].indexOf(words[w]) >= 0);
        }
        if (ok) hit[i] = 1;
      }
      return hit;
    }

    /* Case i's flag states, in vocabulary order: "on", "off" or "na". */
    function flagStates(i) {
      var s = [];
      for (var b = 0; b < nf; b++) {
        var m = 1 << (b & 31), w = i * FW + (b >> 5);
        s.push(c.flags[w] & m ? "on" : c.na[w] & m ? "na" : "off");
      }
      return s;
    }

    return { D: D, c: c, N: N, base: base, build: build, run: run, textMatch: textMatch, flagStates: flagStates };
  }

  /* One CSV cell: quoted, and never read as a formula by a spreadsheet
     (OWASP, "CSV Injection"), as in data/cases.csv. */
  function csvCell(v) {
    v = String(v);
    if (/^ *[=+\-@\t\r]/.test(v)) v = "'" + v;
    return '"' + v.replace(/"/g, '""') + '"';
  }

  window.govatlasEngine = { create: create, csvCell: csvCell };
})();

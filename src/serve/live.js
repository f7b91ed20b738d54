/* govatlas serve: live reload and build-error overlay. Injected only into
   pages served by `govatlas serve`, never written into output/. */
(function () {
  "use strict";
  var me = document.currentScript;
  var version = me ? parseInt(me.getAttribute("data-version") || "0", 10) : 0;
  var overlay = null;
  var shown = "";

  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text != null) e.textContent = text;
    return e;
  }

  function show(errors) {
    var key = JSON.stringify(errors);
    if (overlay && key === shown) return;
    hide();
    shown = key;
    overlay = el("div", "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(255,255,255,.97);color:#1b1f24;font:15px/1.5 system-ui,sans-serif;padding:2rem;");
    overlay.id = "govatlas-error-overlay";
    overlay.setAttribute("role", "alert");
    var box = el("div", "max-width:60rem;margin:0 auto;");
    box.appendChild(el("h1", "color:#a40e26;font-size:1.4rem;margin:0 0 .5rem;",
      "Build failed: " + errors.length + " problem" + (errors.length === 1 ? "" : "s")));
    box.appendChild(el("p", "margin:0 0 1rem;color:#444;",
      "output/ still holds the last good build. Fix the content and save: this page reloads when the site builds again."));
    var list = el("ol", "padding-left:1.2rem;");
    errors.forEach(function (e) {
      var li = el("li", "margin-bottom:1rem;");
      li.className = "govatlas-error";
      var where = e.file ? e.file + (e.line ? ":" + e.line + ":" + e.column : "") : "";
      if (where) li.appendChild(el("code", "font-weight:700;color:#1f5f99;", where));
      li.appendChild(el("div", "font-weight:600;", (e.field ? e.field + ": " : "") + e.message));
      li.appendChild(el("pre", "background:#f4f6f8;border:1px solid #d0d7de;padding:.5rem;overflow:auto;white-space:pre;font:13px/1.4 ui-monospace,monospace;", e.text));
      list.appendChild(li);
    });
    box.appendChild(list);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
    shown = "";
  }

  /* Asks for the state, then again with the generation it saw: the server
     holds that request until the state changes (a build, new errors), so
     the answer comes the moment a build is published. */
  var generation = null;
  function poll() {
    var asked = Date.now();
    var sent = generation;
    fetch("/__govatlas/state" + (sent === null ? "" : "?wait=" + sent), { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.version !== version && s.errors.length === 0) { location.reload(); return; }
        if (s.errors.length) show(s.errors); else hide();
        generation = s.generation;
        /* Something between here and the server that does not hold
           requests: ask every second instead of in a tight loop. */
        var quick = s.generation === sent && Date.now() - asked < 100;
        setTimeout(poll, quick ? 1000 : 0);
      })
      .catch(function () { setTimeout(poll, 1500); });
  }
  poll();
})();

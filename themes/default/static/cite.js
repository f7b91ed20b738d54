/* "Cite this": copy buttons for the reference and the BibTeX entry. */
(function () {
  "use strict";
  document.querySelectorAll("button.copy[data-copy]").forEach(function (b) {
    var target = document.getElementById(b.getAttribute("data-copy"));
    if (!target) return;
    b.hidden = false;
    var label = b.textContent;
    b.addEventListener("click", function () {
      var text = target.textContent;
      function done() {
        b.textContent = b.getAttribute("data-copied");
        setTimeout(function () { b.textContent = label; }, 1500);
      }
      function fallback() {
        var r = document.createRange();
        r.selectNodeContents(target);
        var s = window.getSelection();
        s.removeAllRanges();
        s.addRange(r);
        try { if (document.execCommand("copy")) done(); } catch (e) { /* selected for the reader to copy */ }
      }
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
      else fallback();
    });
  });
})();

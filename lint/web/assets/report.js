// newslint report: findings, rule documentation, filters, sentence strip, sortable index.
// Event delegation on the document, so the web app's re-rendered articles work unchanged.
(function () {
  "use strict";
  function marksOf(root, id) {
    return Array.prototype.filter.call(root.querySelectorAll("[data-ids]"), function (m) {
      return (" " + m.getAttribute("data-ids") + " ").indexOf(" " + id + " ") >= 0;
    });
  }
  function articleOf(el) { return el.closest(".article"); }
  function open(item, show, scroll) {
    var button = item.querySelector("button.f"), detail = item.querySelector(".detail");
    var article = articleOf(item), id = item.getAttribute("data-id");
    if (show) {
      var slot = detail.querySelector(".doc");
      if (slot && !slot.hasChildNodes()) {
        var t = document.getElementById("rule-" + slot.getAttribute("data-rule"));
        if (t) slot.appendChild(t.content.cloneNode(true));
      }
    }
    detail.hidden = !show;
    button.setAttribute("aria-expanded", show ? "true" : "false");
    item.classList.toggle("open", show);
    article.querySelectorAll("mark.current, .pin.current").forEach(function (m) { m.classList.remove("current"); });
    if (show) {
      var marks = marksOf(article, id);
      marks.forEach(function (m) { m.classList.add("current"); });
      if (scroll && marks.length) marks[0].scrollIntoView({ block: "center" });
    }
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var button = t.closest && t.closest(".finding > button.f");
    if (button) {
      var item = button.parentNode;
      open(item, button.getAttribute("aria-expanded") !== "true", true);
      return;
    }
    var mark = t.closest && t.closest("[data-ids]");
    if (mark && articleOf(mark)) {
      var article = articleOf(mark), first = mark.getAttribute("data-ids").split(" ")[0];
      var target = article.querySelector('.finding[data-id="' + first + '"]');
      if (target) {
        open(target, true, false);
        target.scrollIntoView({ block: "nearest" });
        target.querySelector("button.f").focus({ preventScroll: true });
      }
      return;
    }
    var bar = t.closest && t.closest("[data-jump]");
    if (bar) {
      var anchor = document.getElementById(bar.getAttribute("data-jump"));
      if (anchor) {
        anchor.scrollIntoView({ block: "center" });
        document.querySelectorAll(".anchor.flash").forEach(function (a) { a.classList.remove("flash"); });
        anchor.classList.add("flash");
      }
      return;
    }
    var sorter = t.closest && t.closest("th button[data-sort]");
    if (sorter) sortTable(sorter);
  });
  document.addEventListener("change", function (ev) {
    var box = ev.target;
    if (!box.matches || !box.matches("input[data-filter]")) return;
    var scope = box.closest(".article") || document.body;
    scope.classList.toggle("hide-" + box.getAttribute("data-filter"), !box.checked);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.target.matches && ev.target.matches("textarea, input, select")) return;
    if (ev.key === "Escape") {
      var item = ev.target.closest && ev.target.closest(".finding");
      if (item) { open(item, false, false); item.querySelector("button.f").focus(); }
      return;
    }
    if (ev.key !== "j" && ev.key !== "k") return;
    var visible = Array.prototype.filter.call(document.querySelectorAll(".finding > button.f"), function (b) {
      return b.offsetParent !== null;
    });
    if (!visible.length) return;
    var at = visible.indexOf(document.activeElement);
    var next = ev.key === "j" ? Math.min(at + 1, visible.length - 1) : Math.max(at - 1, 0);
    visible[next].focus();
    ev.preventDefault();
  });
  function sortTable(button) {
    var th = button.parentNode, table = th.closest("table"), index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var descending = th.getAttribute("aria-sort") === "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var numeric = button.getAttribute("data-sort") === "num", body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-value"), y = b.cells[index].getAttribute("data-value");
      var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "de");
      return descending ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
})();

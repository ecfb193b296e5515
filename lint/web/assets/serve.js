// newslint serve: live findings while typing (debounced), fixes, copy, drop a file.
(function () {
  "use strict";
  var draft = document.getElementById("draft"), preview = document.getElementById("preview");
  var docs = document.getElementById("rule-docs"), status = document.getElementById("status");
  var genre = document.getElementById("genre"), fixAll = document.getElementById("fix-all");
  var maxBytes = parseInt(document.querySelector(".app").getAttribute("data-max-bytes"), 10);
  var hidden = {}, sent = 0, shown = 0, timer = null, DELAY = 250;

  function say(text) { status.textContent = text; }
  function payload(extra) {
    var body = { text: draft.value, name: draft.getAttribute("data-name"), genre: genre.value };
    for (var k in extra) body[k] = extra[k];
    return JSON.stringify(body);
  }
  function post(url, extra) {
    return fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: payload(extra) })
      .then(function (r) { return r.json().then(function (data) { if (!r.ok) throw new Error(data.error || r.status); return data; }); });
  }
  function check() {
    clearTimeout(timer);
    var mine = ++sent;
    post("/api/check", {}).then(function (data) {
      if (mine < shown) return;  // an older answer arriving late
      shown = mine;
      preview.innerHTML = data.html;  // rendered and escaped by the server
      docs.innerHTML = data.docs;
      preview.querySelectorAll("button.apply").forEach(function (b) { b.hidden = false; });
      preview.querySelectorAll("input[data-filter]").forEach(function (box) {
        var cat = box.getAttribute("data-filter");
        box.checked = !hidden[cat];
        box.closest(".article").classList.toggle("hide-" + cat, !!hidden[cat]);
      });
      fixAll.disabled = !data.safe_fixes;
      say(data.diagnostics.length + " Befunde" + (data.safe_fixes ? ", " + data.safe_fixes + " sicher behebbar" : ""));
    }).catch(function (err) { say("Fehler: " + err.message); });
  }
  function later() { clearTimeout(timer); timer = setTimeout(check, DELAY); }
  function replaceText(text, note) {
    draft.value = text;
    say(note);
    check();
  }
  draft.addEventListener("input", later);
  genre.addEventListener("change", check);
  document.addEventListener("change", function (ev) {
    var box = ev.target;
    if (box.matches && box.matches("#preview input[data-filter]")) hidden[box.getAttribute("data-filter")] = !box.checked;
  });
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest("button[data-apply]");
    if (!button) return;
    post("/api/fix", { key: button.getAttribute("data-apply") })
      .then(function (data) { replaceText(data.text, "Vorschlag übernommen."); })
      .catch(function (err) { say("Fehler: " + err.message); check(); });
  });
  fixAll.addEventListener("click", function () {
    post("/api/fix", { safe: true })
      .then(function (data) { replaceText(data.text, data.applied + " sichere Vorschläge übernommen."); })
      .catch(function (err) { say("Fehler: " + err.message); });
  });
  document.getElementById("copy").addEventListener("click", function () {
    var done = function () { say("Text kopiert."); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(draft.value).then(done, function () { draft.select(); document.execCommand("copy"); done(); });
    } else { draft.select(); document.execCommand("copy"); done(); }
  });
  function load(file) {
    if (!file) return;
    if (!/\.(md|markdown|html?|txt)$/i.test(file.name)) { say("Nur .md-, .html- und .txt-Dateien."); return; }
    if (file.size > maxBytes) { say("Die Datei ist zu groß."); return; }
    var reader = new FileReader();
    reader.onload = function () { draft.setAttribute("data-name", file.name); replaceText(String(reader.result), file.name + " geladen."); };
    reader.readAsText(file, "utf-8");
  }
  document.getElementById("file").addEventListener("change", function (ev) { load(ev.target.files[0]); });
  draft.addEventListener("dragover", function (ev) { ev.preventDefault(); draft.classList.add("drop"); });
  draft.addEventListener("dragleave", function () { draft.classList.remove("drop"); });
  draft.addEventListener("drop", function (ev) {
    ev.preventDefault();
    draft.classList.remove("drop");
    if (ev.dataTransfer.files.length) load(ev.dataTransfer.files[0]);
  });
  check();
})();

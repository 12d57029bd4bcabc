/* Filters and search over the events of one page. The index is embedded in the page
   (<script type="application/json" id="tl-index">) because file:// pages cannot fetch
   JSON. Without JavaScript the form stays hidden and every event is listed. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var dataEl = document.getElementById("tl-index");
  if (!form || !dataEl) { return; }
  var fold = function (s) {
    return String(s || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  };
  var items = [];
  JSON.parse(dataEl.textContent).forEach(function (e) {
    var li = document.getElementById("e-" + e.i);
    if (li) { items.push({ e: e, li: li, s: fold(e.s) }); }
  });
  var groups = document.querySelectorAll(".month-group, .year-group");
  var status = document.getElementById("filter-status");
  var noMatch = document.getElementById("no-match");
  var el = form.elements;
  var names = ["q", "type", "actor", "country", "lang", "year"];

  function apply() {
    var words = fold(el.q.value).split(/\s+/).filter(Boolean);
    var t = el.type.value, a = el.actor.value, c = el.country.value, l = el.lang.value, y = el.year.value;
    var active = words.length || t || a || c || l || y;
    var shown = 0;
    items.forEach(function (x) {
      var e = x.e;
      var ok = (!t || e.t === t) && (!a || e.a.indexOf(a) >= 0) && (!c || e.c.indexOf(c) >= 0) &&
        (!l || e.l.indexOf(l) >= 0) && (!y || String(e.y) === y) &&
        words.every(function (w) { return x.s.indexOf(w) >= 0; });
      x.li.hidden = !ok;
      if (ok) { shown += 1; }
    });
    Array.prototype.forEach.call(groups, function (g) {
      g.hidden = !g.querySelector(".ev:not([hidden])");
    });
    status.textContent = active ? shown + " of " + items.length + " events shown" : "";
    if (noMatch) { noMatch.hidden = shown > 0; }
    var params = new URLSearchParams();
    names.forEach(function (n) { if (el[n].value) { params.set(n, el[n].value); } });
    var hash = params.toString();
    if (hash || location.hash.indexOf("=") >= 0) {
      try {
        history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
      } catch (err) { /* some browsers refuse on file:// pages: the filters still work */ }
    }
  }

  if (location.hash.indexOf("=") >= 0) {
    var given = new URLSearchParams(location.hash.slice(1));
    names.forEach(function (n) { if (given.has(n)) { el[n].value = given.get(n); } });
  }
  var more = document.getElementById("f-more");
  if (more && (window.matchMedia("(min-width: 40rem)").matches ||
      names.slice(1).some(function (n) { return el[n].value; }))) { more.open = true; }
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  if (location.hash.indexOf("=") >= 0) { apply(); }
}());

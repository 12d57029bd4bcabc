/* The viewer's choice of type or actor: a page per choice, so the data stays in the page. */
(function () {
  "use strict";
  var form = document.getElementById("viewer-pick");
  var pick = document.getElementById("vw-pick");
  if (!form || !pick) { return; }
  form.hidden = false;
  pick.addEventListener("change", function () { window.location.href = pick.value; });
})();

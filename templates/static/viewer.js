/* Opens TimelineJS on the data embedded in the page (<script type="application/json" id="tl-data">):
   file:// pages cannot fetch JSON. No web fonts and no language file are loaded from elsewhere. */
(function () {
  "use strict";
  var el = document.getElementById("tl-data");
  var box = document.getElementById("tl-viewer");
  var me = document.currentScript;
  if (!el || !box || typeof TL === "undefined") { return; }
  var data = JSON.parse(el.textContent);
  if (!data.events || !data.events.length) { box.textContent = "No dated events to show."; return; }
  window.timeline = new TL.Timeline("tl-viewer", data, {
    script_path: me ? me.getAttribute("data-script-path") : "",
    font: null,
    language: "en",
    hash_bookmark: false,
    start_at_end: true,
    timenav_height_percentage: 30,
    track_events: []
  });
})();

// Lectern embed host script: include it on a page with
//   <iframe src=".../lectern.html?embed=1#/search?q=..." data-lectern title="Lectern"></iframe>
// and each such iframe is resized to the height its content reports. No dependencies.
// Only messages from the iframe's own window, of the expected shape, are acted on; anything
// else is ignored, so neither a misbehaving frame nor another script can resize the page at will.
(function () {
  "use strict";
  var MAX_HEIGHT = 100000;
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll("iframe[data-lectern]"));
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "lectern:height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow === event.source) {
        frame.style.height = Math.ceil(height) + "px";
        frame.setAttribute("data-lectern-height", String(Math.ceil(height)));
      }
    });
  });
})();

// Lectern embed host script: include it on a page with
//   <iframe src=".../lectern.html?embed=1#/search?q=..." data-lectern title="Lectern"></iframe>
// and each such iframe is resized to the height its content reports, up to a maximum (800 px,
// or the iframe's data-max-height in pixels); taller content scrolls inside the frame.
// No dependencies. Only messages from the iframe's own window, of the expected shape, are acted
// on; anything else is ignored, so neither a misbehaving frame nor another script can resize the
// page at will.
(function () {
  "use strict";
  var MAX_HEIGHT = 100000;
  var DEFAULT_MAX_HEIGHT = 800;
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll("iframe[data-lectern]"));
  }
  // The frame's own cap: a positive number of pixels in data-max-height, else the default.
  function cap(frame) {
    var given = Number(frame.getAttribute("data-max-height"));
    return isFinite(given) && given > 0 ? given : DEFAULT_MAX_HEIGHT;
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "lectern:height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow === event.source) {
        // data-lectern-height is the content's height; the frame shows at most its cap.
        frame.style.height = Math.ceil(Math.min(height, cap(frame))) + "px";
        frame.setAttribute("data-lectern-height", String(Math.ceil(height)));
      }
    });
  });
})();

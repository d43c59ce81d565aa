// Reports this page view's Core Web Vitals to /api/vitals when the page is hidden.
(function () {
  "use strict";
  if (!("PerformanceObserver" in window) || !navigator.sendBeacon) return;
  var metrics = {};
  var sent = false;
  function observe(type, callback, options) {
    try {
      new PerformanceObserver(function (list) { list.getEntries().forEach(callback); })
        .observe(Object.assign({ type: type, buffered: true }, options || {}));
    } catch (e) { /* metric not supported by this browser */ }
  }
  observe("largest-contentful-paint", function (entry) {
    metrics.LCP = Math.round(entry.startTime);
  });
  var cls = 0;
  observe("layout-shift", function (entry) {
    if (!entry.hadRecentInput) { cls += entry.value; metrics.CLS = Math.round(cls * 10000) / 10000; }
  });
  observe("event", function (entry) {
    if (entry.interactionId) { metrics.INP = Math.max(metrics.INP || 0, Math.round(entry.duration)); }
  }, { durationThreshold: 40 });
  var navigation = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
  if (navigation) metrics.TTFB = Math.max(0, Math.round(navigation.responseStart));
  function send() {
    if (sent || !Object.keys(metrics).length) return;
    sent = true;
    var body = JSON.stringify({ path: location.pathname, metrics: metrics });
    navigator.sendBeacon("/api/vitals", new Blob([body], { type: "application/json" }));
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") send();
  });
  window.addEventListener("pagehide", send);
})();

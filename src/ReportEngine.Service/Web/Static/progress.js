// Keeps a request's page up to date while it is made: asks the API for the request once a second and, when it has
// finished, loads the page again to show the downloads. Without script, the page's Refresh link does the same.
(function () {
  "use strict";
  var root = document.getElementById("request");
  if (!root) return;
  var id = root.getAttribute("data-request");
  var status = root.getAttribute("data-status");
  if (status === "done" || status === "failed" || status === "draft") return;
  var tag = document.getElementById("status");
  var bar = document.getElementById("progress");
  var text = document.getElementById("progress-text");
  var live = document.getElementById("live");
  var lastStatus = status;

  function tagClass(s) {
    return s === "done" ? "app-tag--green" : s === "failed" ? "app-tag--red" : s === "queued" ? "app-tag--grey" : "app-tag--blue";
  }

  function poll() {
    fetch("/api/v1/requests/" + encodeURIComponent(id), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (r) {
        tag.textContent = r.status.charAt(0).toUpperCase() + r.status.slice(1);
        tag.setAttribute("data-status", r.status);
        tag.className = "app-tag " + tagClass(r.status);
        bar.value = r.progress;
        bar.textContent = r.progress + "%";
        text.textContent = r.progress + "%";
        if (r.status !== lastStatus) { live.textContent = "The report is " + r.status + "."; lastStatus = r.status; }
        if (r.status === "done" || r.status === "failed" || r.status === "draft") { window.location.reload(); return; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
})();

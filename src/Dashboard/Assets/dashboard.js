// The Inquir.Typed dashboard's live refresh: no build, no dependency, served from the package and allowed by the
// page's Content-Security-Policy as script-src 'self' (no inline script, no eval). Every interval (the number of
// milliseconds in <main data-live>), while the tab is visible, it fetches the page it shows and swaps in the new
// <main> when something other than an antiforgery token changed. It pauses while the tab is hidden, skips a round
// while the operator is editing a form on the page, and keeps open <details> open.
(function () {
  "use strict";
  var main = document.querySelector("main[data-live]");
  if (!main) {
    return;
  }

  var interval = Math.max(1000, parseInt(main.getAttribute("data-live"), 10) || 5000);
  var state = document.getElementById("live-state");
  var timer = null;
  var busy = false;

  function say(text) {
    if (state) {
      state.textContent = text;
    }
  }

  // The page without its antiforgery tokens, which differ at every render.
  function comparable(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll("input[name=__RequestVerificationToken]").forEach(function (input) { input.removeAttribute("value"); });
    return copy.innerHTML;
  }

  function editing() {
    var active = document.activeElement;
    if (active && main.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)) {
      return true;
    }

    return Array.prototype.some.call(main.querySelectorAll("input, textarea"), function (field) {
      return field.type !== "hidden" && field.value !== field.defaultValue;
    });
  }

  async function refresh() {
    if (busy || document.hidden || editing()) {
      return;
    }

    busy = true;
    try {
      var response = await fetch(location.href, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) {
        say("live: paused (" + response.status + ")");
        return;
      }

      var next = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("main[data-live]");
      if (next && comparable(next) !== comparable(main)) {
        var open = Array.prototype.map.call(main.querySelectorAll("details"), function (details) { return details.open; });
        main.replaceChildren.apply(main, Array.prototype.slice.call(next.childNodes));
        main.querySelectorAll("details").forEach(function (details, index) { details.open = details.open || open[index] === true; });
      }

      say("live · updated " + new Date().toLocaleTimeString());
    } catch (error) {
      say("live: cannot reach the dashboard, retrying");
    } finally {
      busy = false;
    }
  }

  function schedule() {
    clearInterval(timer);
    if (document.hidden) {
      say("live: paused while the tab is hidden");
      return;
    }

    timer = setInterval(refresh, interval);
    refresh();
  }

  document.addEventListener("visibilitychange", schedule);
  schedule();
})();

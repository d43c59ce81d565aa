// Header search suggestions. The box is a plain GET form without this script;
// with it, typing 2+ characters lists up to 8 titles and categories as links.
(function () {
  "use strict";
  var input = document.getElementById("header-search-q");
  if (!input || !window.fetch) return;
  var list = document.getElementById("header-search-suggestions");
  var endpoint = input.getAttribute("data-autocomplete");
  var language = input.getAttribute("data-language") || "en";
  var timer = null;
  var latest = 0;

  function clear() {
    list.textContent = "";
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  function show(suggestions) {
    list.textContent = "";
    suggestions.forEach(function (item) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.className = "search-suggestion-" + item.kind;
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.label; // text, never HTML
      li.appendChild(link);
      if (item.kind_label) {
        var kind = document.createElement("span");
        kind.className = "search-suggestion-kind";
        kind.textContent = " · " + item.kind_label;
        li.appendChild(kind);
      }
      list.appendChild(li);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
  }

  function lookup() {
    var text = input.value.trim();
    if (text.length < 2) return clear();
    var ticket = ++latest;
    var url = endpoint + "?lang=" + encodeURIComponent(language) + "&q=" + encodeURIComponent(text);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (reply) { return reply.ok ? reply.json() : { suggestions: [] }; })
      .then(function (data) { if (ticket === latest) show(data.suggestions || []); })
      .catch(clear);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookup, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") clear();
    if (event.key === "ArrowDown" && !list.hidden) {
      var first = list.querySelector("a");
      if (first) { event.preventDefault(); first.focus(); }
    }
  });
  list.addEventListener("keydown", function (event) {
    var current = document.activeElement && document.activeElement.parentNode;
    if (event.key === "ArrowDown" && current && current.nextSibling) {
      event.preventDefault(); current.nextSibling.firstChild.focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (current && current.previousSibling) current.previousSibling.firstChild.focus();
      else input.focus();
    } else if (event.key === "Escape") { clear(); input.focus(); }
  });
  document.addEventListener("click", function (event) {
    if (!input.form.contains(event.target)) clear();
  });
})();

// The event page's book form: one name field per attendee chosen.
(function () {
  var form = document.querySelector("[data-book-form]");
  if (!form) return;
  var select = form.querySelector("[data-seats]");
  function show() {
    var n = parseInt(select.value, 10);
    form.querySelectorAll("[data-attendee]").forEach(function (row) {
      var on = parseInt(row.dataset.attendee, 10) <= n;
      row.hidden = !on;
      var input = row.querySelector("input");
      input.required = on;
      input.disabled = !on;
    });
  }
  select.addEventListener("change", show);
  show();
})();

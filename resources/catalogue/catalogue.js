// The public innovation catalogue (judging-app): search and filters, in the browser only.
// Reads the rows' own data-* attributes; never writes HTML, so no innovation text can run.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("#list tbody tr"));
  var field = function (id) { return document.getElementById(id); };
  var count = field("count");
  var none = field("none");
  var SEP = String.fromCharCode(31);

  function apply() {
    var words = field("q").value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    var year = field("year").value;
    var unit = field("unit").value;
    var category = field("category").value;
    var award = field("award").value;
    var shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var ok = (!year || d.years.split(" ").indexOf(year) >= 0) &&
               (!unit || d.unit === unit) &&
               (!category || d.categories.split(SEP).indexOf(category) >= 0) &&
               (!award || d.awarded === award) &&
               words.every(function (w) { return d.text.indexOf(w) >= 0; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = String(shown);
    none.hidden = shown > 0;
  }

  // index.html?q=sampah&year=2025 opens the list already filtered (a link to share)
  if (window.URLSearchParams) {
    var params = new URLSearchParams(window.location.search);
    ["q", "year", "unit", "category", "award"].forEach(function (id) {
      if (params.has(id)) { field(id).value = params.get(id); }
    });
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
}());

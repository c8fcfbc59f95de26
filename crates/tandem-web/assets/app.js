// Progressive enhancement only: every page works without this file.
// Moves keyboard focus to the error summary after a failed form submission, so screen-reader
// and keyboard users land on the list of problems.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
});

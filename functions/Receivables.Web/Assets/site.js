// Progressive enhancement only: every page works without this file.
// A form is submitted once: its button is disabled after the first submit (the server is idempotent anyway).
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.method && form.method.toLowerCase() === 'post') {
    if (form.dataset.sent === '1') { event.preventDefault(); return; }
    form.dataset.sent = '1';
    var button = form.querySelector('button[type="submit"]');
    if (button) { button.setAttribute('aria-disabled', 'true'); }
  }
});

// Progressive enhancement shared by every page. Every page works without it.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // The language picker applies the language as soon as it is chosen.
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () {
      if (select.form.requestSubmit) {
        select.form.requestSubmit();
      } else {
        select.form.submit();
      }
    });
  });

  // Actions that cannot be undone ask first.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });

  // A refused form moves the focus to its error summary, so that it is read out first.
  var summary = document.querySelector('.error-summary[tabindex]');
  if (summary) {
    summary.focus();
  }
})();

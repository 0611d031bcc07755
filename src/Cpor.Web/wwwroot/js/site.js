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

  // A demo account fills in the sign-in form.
  document.querySelectorAll('[data-fill-email]').forEach(function (button) {
    button.addEventListener('click', function () {
      var email = document.getElementById('email');
      var password = document.getElementById('password');
      if (!email || !password) {
        return;
      }
      email.value = button.dataset.fillEmail;
      password.value = button.dataset.fillPassword;
      var submit = email.form.querySelector('button[type="submit"]');
      if (submit) {
        submit.focus();
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

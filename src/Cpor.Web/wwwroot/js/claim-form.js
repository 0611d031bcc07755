// The claim form, enhanced: activities and products of the chosen solution area, revenue fields
// for revenue association, MPN ID enrolment, and the customer checked on the spot with the
// tenant's subscriptions offered in a picker. The form works without it (the server checks all).
(function () {
  'use strict';
  var form = document.querySelector('form.claim-form');
  if (!form) {
    return;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  // The chosen activity: the checked one of the shown group (a locked one still counts).
  function chosenActivity() {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="Form.Activity"]:checked'), function (radio) {
      var group = radio.closest('.activity-group');
      return !group || !group.hidden;
    })[0] || null;
  }

  function setEnabled(container, enabled) {
    container.querySelectorAll('input, select').forEach(function (input) {
      input.disabled = !enabled;
    });
  }

  // Only the chosen solution area's activities and products are shown and sent.
  function applyArea() {
    var area = form.querySelector('input[name="Form.SolutionArea"]:checked');
    form.querySelectorAll('.activity-group, .product-group').forEach(function (group) {
      var shown = !area || group.dataset.area === area.value;
      group.hidden = !shown;
      setEnabled(group, shown);
    });
    applyActivity();
    applyProducts();
  }

  function applyActivity() {
    var activity = chosenActivity();
    var revenue = byId('revenue');
    if (revenue) {
      var needed = !!activity && activity.value === 'RevenueAssociation';
      revenue.hidden = !needed;
      setEnabled(revenue, needed);
    }
    showEnrolment(activity);
  }

  // Says whether the chosen MPN ID is enrolled in the chosen activity's program.
  function showEnrolment(activity) {
    var select = byId('mpn-id');
    var output = byId('mpn-id-enrolment');
    if (!select || !output) {
      return;
    }
    output.textContent = '';
    output.className = 'enrolment';
    var option = select.options[select.selectedIndex];
    var program = activity ? activity.dataset.program : '';
    if (!program || !option || !option.value) {
      return;
    }
    var enrolled = (option.dataset.programs || '').split(' ').indexOf(program) >= 0;
    var template = enrolled ? output.dataset.enrolled : output.dataset.notEnrolled;
    output.textContent = template.replace('{0}', activity.dataset.programName || program);
    output.classList.add(enrolled ? 'ok' : 'bad');
  }

  // The customer's technical contact is required as soon as a Dynamics 365 product is ticked.
  function applyProducts() {
    var technical = byId('technical-contact');
    if (!technical) {
      return;
    }
    var needed = Array.prototype.some.call(form.querySelectorAll('input[name="Form.Products"]:checked:not(:disabled)'), function (box) {
      return box.dataset.technical === 'true';
    });
    technical.classList.toggle('needed', needed);
  }

  form.querySelectorAll('input[name="Form.SolutionArea"]').forEach(function (radio) {
    radio.addEventListener('change', applyArea);
  });
  form.querySelectorAll('input[name="Form.Activity"]').forEach(function (radio) {
    radio.addEventListener('change', applyActivity);
  });
  form.querySelectorAll('input[name="Form.Products"]').forEach(function (box) {
    box.addEventListener('change', applyProducts);
  });
  var mpn = byId('mpn-id');
  if (mpn) {
    mpn.addEventListener('change', applyActivity);
  }
  applyArea();

  // The customer, checked as soon as the domain and the tenant ID are both filled in.
  var domain = byId('customer-domain');
  var tenant = byId('tenant-id');
  var status = byId('customer-status');
  var products = byId('products');
  var url = form.dataset.customerUrl;
  var lastQuery = null;

  function clearScriptErrors() {
    form.querySelectorAll('.script-error').forEach(function (error) {
      error.remove();
    });
    [domain, tenant].forEach(function (input) {
      input.removeAttribute('aria-invalid');
    });
  }

  function showError(inputId, message) {
    var input = byId(inputId);
    if (!input) {
      status.className = 'customer-status bad';
      status.textContent = message;
      return;
    }
    var error = document.createElement('p');
    error.className = 'field-error script-error';
    var text = document.createElement('span');
    text.textContent = message;
    error.appendChild(text);
    input.parentNode.insertBefore(error, input);
    input.setAttribute('aria-invalid', 'true');
  }

  function offerSubscriptions(subscriptions) {
    form.querySelectorAll('.product[data-product] .subscription').forEach(function (box) {
      var productId = box.closest('.product').dataset.product;
      var current = byId('subscription-' + productId);
      if (!current) {
        return;
      }
      var chosen = current.value;
      var select = document.createElement('select');
      select.id = current.id;
      select.name = current.name;
      select.disabled = current.disabled;
      var mine = subscriptions.filter(function (s) {
        return s.productId === productId;
      });
      var first = document.createElement('option');
      first.value = '';
      first.textContent = mine.length ? products.dataset.auto : products.dataset.none;
      select.appendChild(first);
      mine.forEach(function (s) {
        var option = document.createElement('option');
        option.value = s.id;
        option.textContent = s.label;
        option.disabled = !s.claimable;
        option.selected = s.id === chosen;
        select.appendChild(option);
      });
      var hint = byId(current.id + '-hint');
      if (hint) {
        hint.remove();
      }
      current.replaceWith(select);
    });
  }

  function showWorkloads(workloads) {
    form.querySelectorAll('.workload-state[data-workload]').forEach(function (state) {
      var enabled = workloads.indexOf(state.dataset.workload) >= 0;
      state.textContent = enabled ? products.dataset.enabled : products.dataset.notEnabled;
      state.className = 'workload-state ' + (enabled ? 'ok' : 'bad');
    });
  }

  function checkCustomer(force) {
    if (!domain || !tenant || !status || !url || domain.disabled) {
      return;
    }
    var d = domain.value.trim();
    var t = tenant.value.trim();
    if (!d || !t) {
      return;
    }
    var query = 'tenantId=' + encodeURIComponent(t) + '&customerDomain=' + encodeURIComponent(d);
    if (query === lastQuery && !force) {
      return;
    }
    lastQuery = query;
    status.className = 'customer-status';
    status.textContent = status.dataset.checking;
    fetch(url + '&' + query, { headers: { 'X-Requested-With': 'fetch', Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (result) {
        clearScriptErrors();
        if (!result.ok) {
          status.className = 'customer-status';
          status.textContent = '';
          result.errors.forEach(function (error) {
            showError(error.input, error.message);
          });
          return;
        }
        status.className = 'customer-status ok';
        status.textContent = result.message;
        showWorkloads(result.workloads);
        offerSubscriptions(result.subscriptions);
      })
      .catch(function () {
        lastQuery = null;
        status.className = 'customer-status bad';
        status.textContent = status.dataset.failed;
      });
  }

  if (domain && tenant) {
    domain.addEventListener('change', function () {
      checkCustomer(false);
    });
    tenant.addEventListener('change', function () {
      checkCustomer(false);
    });
  }
  var checkButton = byId('check-customer');
  if (checkButton) {
    checkButton.addEventListener('click', function (event) {
      event.preventDefault();
      checkCustomer(true);
    });
  }
})();

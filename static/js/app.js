// Behaviour that htmx attributes cannot express. No inline scripts anywhere (CSP).
(function () {
  "use strict";

  document.addEventListener("htmx:responseError", function (event) {
    var flash = document.getElementById("flash");
    if (flash) {
      flash.innerHTML = '<ul class="flash-list"><li class="flash flash-error"></li></ul>';
      var status = event.detail.xhr.status;
      var text = status === 403 ? "You do not have permission to do that." : "The server could not do that (" + status + "). Nothing was lost; try again.";
      flash.querySelector("li").textContent = text;
    }
  });

  // A button with data-confirm asks before its form is sent (plain and htmx forms alike: this listener runs in
  // the capture phase, before htmx's own submit handler on the form).
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = button && button.dataset ? button.dataset.confirm : null;
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // --- article text: how many characters, against the limit (the server says the same if it is over)
  function countChars(area) {
    var note = document.getElementById(area.id + "-count");
    if (!note) return;
    var max = parseInt(area.dataset.maxChars, 10), n = area.value.length;
    note.textContent = n.toLocaleString("en-GB") + " of " + max.toLocaleString("en-GB") + " characters" +
      (n > max ? ": " + (n - max).toLocaleString("en-GB") + " over the limit" : "");
    note.classList.toggle("error", n > max);
  }
  document.addEventListener("input", function (event) {
    if (event.target.dataset && event.target.dataset.maxChars) countChars(event.target);
  });

  // --- queue: keyboard and bulk selection -------------------------------------------------
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("tr.queue-row"));
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function updateSelectedCount() {
    var counter = document.querySelector("[data-selected-count]");
    if (!counter) return;
    counter.textContent = String(document.querySelectorAll('input[name="ids"][form="bulk-form"]:checked').length);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var list = rows();
    if (!list.length) return;
    var row = event.target.closest ? event.target.closest("tr.queue-row") : null;
    if (event.key === "/" && !typing(event.target)) {
      var search = document.getElementById("id_q");
      if (search) { event.preventDefault(); search.focus(); search.select(); }
      return;
    }
    if (event.target.id === "id_q" && (event.key === "Escape" || event.key === "ArrowDown")) {
      // leave the search box for the first row, keeping the query (Escape would otherwise clear it)
      event.preventDefault();
      list[0].focus();
      return;
    }
    if (typing(event.target)) return;
    var index = row ? list.indexOf(row) : -1;
    if (event.key === "j" || event.key === "ArrowDown") {
      event.preventDefault();
      list[Math.min(list.length - 1, index + 1)].focus();
    } else if (event.key === "k" || event.key === "ArrowUp") {
      event.preventDefault();
      list[Math.max(0, index - 1)].focus();
    } else if (row && event.key === "Enter" && event.target === row) {
      event.preventDefault();
      window.location.assign(row.dataset.href);
    } else if (row && event.key === "a") {
      // the same question as the button's when someone else has the statement ("Take over")
      var take = row.querySelector("form.assign-me");
      var question = take && take.querySelector("button[data-confirm]");
      if (take) {
        event.preventDefault();
        if (!question || window.confirm(question.dataset.confirm)) htmx.trigger(take, "submit");
      }
    } else if (row && event.key === "x") {
      var box = row.querySelector('input[name="ids"]');
      if (box) { event.preventDefault(); box.checked = !box.checked; updateSelectedCount(); }
    }
  });

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("[data-select-all]")) {
      document.querySelectorAll('input[name="ids"][form="bulk-form"]').forEach(function (box) { box.checked = target.checked; });
    }
    if (target.name === "ids" || (target.matches && target.matches("[data-select-all]"))) updateSelectedCount();
    if (target.id === "bulk-action") showBulkFields();
  });

  function showBulkFields() {
    var action = document.getElementById("bulk-action");
    if (!action) return;
    document.querySelectorAll("#bulk-form [data-for-action]").forEach(function (field) {
      field.hidden = field.dataset.forAction !== action.value;
    });
  }

  // Statement page tabs: reflect the selected tab after an htmx swap.
  document.addEventListener("click", function (event) {
    var tab = event.target.closest ? event.target.closest("[data-tab]") : null;
    if (!tab) return;
    tab.parentElement.querySelectorAll("[data-tab]").forEach(function (other) {
      other.setAttribute("aria-selected", other === tab ? "true" : "false");
    });
  });

  // htmx sends no request for a form with an invalid field (a score of "50" where 0–1 is asked): say so at the
  // field instead of doing nothing.
  document.addEventListener("htmx:validation:halted", function (event) {
    var errors = (event.detail && event.detail.errors) || [];
    if (errors.length && errors[0].elt && errors[0].elt.reportValidity) errors[0].elt.reportValidity();
  });

  document.addEventListener("htmx:afterSettle", function () {
    updateSelectedCount();
    document.querySelectorAll("textarea[data-max-chars]").forEach(countChars);  // a swapped-in form keeps its count
  });
  document.addEventListener("DOMContentLoaded", function () {
    showBulkFields();
    updateSelectedCount();
    document.querySelectorAll("textarea[data-max-chars]").forEach(countChars);
  });
})();

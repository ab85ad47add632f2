// Unsaved typing: a form marked data-warn-unsaved asks before the page is left (a link, Back, closing the tab)
// while it holds what was typed but not saved. The state is the attribute itself, data-warn-unsaved="dirty":
// typing sets it, and the server renders it on a form it sends back as typed, unsaved (errors, a stale draft).
// A successful htmx save replaces the form with a clean one; a form still on the page after a 2xx answer is
// clean. The beforeunload listener is only attached while a dirty form is on the page (it keeps a page out of
// some browsers' back-forward cache).
(function () {
  "use strict";

  var DIRTY = 'form[data-warn-unsaved="dirty"]';
  var listening = false;

  function guarded(element) {
    var form = element && (element.form || (element.closest ? element.closest("form") : null));
    return form && form.hasAttribute("data-warn-unsaved") ? form : null;
  }

  function warn(event) {
    event.preventDefault();
    event.returnValue = "";  // what older Chromium needs to ask
  }

  function sync() {
    var dirty = document.querySelector(DIRTY) !== null;
    if (dirty !== listening) {
      window[dirty ? "addEventListener" : "removeEventListener"]("beforeunload", warn);
      listening = dirty;
    }
  }

  function mark(event) {
    var form = guarded(event.target);
    if (form) { form.setAttribute("data-warn-unsaved", "dirty"); sync(); }
  }
  document.addEventListener("input", mark);
  document.addEventListener("change", mark);

  // A plain form post leaves the page: it is not a loss. (htmx cancels the default of the forms it sends.)
  document.addEventListener("submit", function (event) {
    var form = guarded(event.target);
    if (form && !event.defaultPrevented) { form.setAttribute("data-warn-unsaved", ""); sync(); }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (event.detail.successful && form && form.isConnected && form.hasAttribute("data-warn-unsaved")) {
      form.setAttribute("data-warn-unsaved", "");
    }
    sync();
  });

  // Another panel's answer may redraw this form out of band (saving the verdict redraws the evidence list):
  // keep the typing rather than swap in an empty form.
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    if (target && (target.matches(DIRTY) || target.querySelector(DIRTY))) event.detail.shouldSwap = false;
  });

  // A person's click or submit that would swap out a dirty form it is not part of (the History tab replaces the
  // evidence panel) asks first; OK goes on, Cancel keeps the typing. Polls and other untrusted triggers pass.
  document.addEventListener("htmx:confirm", function (event) {
    var target = event.detail.target, elt = event.detail.elt, trigger = event.detail.triggeringEvent;
    if (!target || !trigger || !trigger.isTrusted) return;
    var dirty = target.matches(DIRTY) ? target : target.querySelector(DIRTY);
    if (!dirty || dirty.contains(elt)) return;
    event.preventDefault();
    if (window.confirm("What you typed here has not been saved. Leave it?")) event.detail.issueRequest(true);
  });

  document.addEventListener("htmx:load", sync);
  sync();
})();

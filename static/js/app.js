// Behaviour that htmx attributes cannot express. No inline scripts anywhere (CSP).
document.addEventListener("htmx:responseError", function (event) {
  var flash = document.getElementById("flash");
  if (flash) {
    flash.innerHTML = '<ul class="flash-list"><li class="flash flash-error"></li></ul>';
    flash.querySelector("li").textContent = "The server could not do that (" + event.detail.xhr.status + "). Nothing was lost; try again.";
  }
});

// Certificate page: show the print button when JavaScript runs (the page works without it).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-imprimer]").forEach(function (bouton) {
    bouton.hidden = false;
    bouton.addEventListener("click", function () {
      window.print();
    });
  });
});

// Welcome kit: a button that opens the browser's print dialog (save as PDF from there).
// Without JavaScript the button stays hidden and the page says to press Ctrl+P.
for (const bouton of document.querySelectorAll("[data-imprimer]")) {
  bouton.hidden = false;
  bouton.addEventListener("click", () => window.print());
}

// Share kit: "copy" buttons (the text stays selectable without JavaScript).
for (const bouton of document.querySelectorAll("[data-copie]")) {
  const source = document.getElementById(bouton.dataset.copie);
  const statut = bouton.nextElementSibling;
  if (!source || !navigator.clipboard) continue;
  bouton.hidden = false;
  bouton.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      if (statut) statut.textContent = "Copié.";
    } catch {
      source.select();
      if (statut) statut.textContent = "Sélectionné : copiez avec Ctrl+C.";
    }
  });
}

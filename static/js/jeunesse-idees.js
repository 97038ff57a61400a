// Ideas box: give or withdraw one's support without reloading the page.
// Without JavaScript (or on any error) the form posts normally and the page reloads.
const annonce = document.querySelector("[data-idees-annonce]");

function libelleSoutiens(nombre) {
  return `${nombre} soutien${nombre > 1 ? "s" : ""}`;
}

for (const formulaire of document.querySelectorAll("form[data-idee-soutien]")) {
  const bouton = formulaire.querySelector("button[aria-pressed]");
  const choix = formulaire.querySelector("[data-idee-choix]");
  const nombre = formulaire.closest(".idee-soutien")?.querySelector("[data-idee-nombre]");
  if (!bouton || !choix || !window.fetch) continue;
  formulaire.addEventListener("submit", async (evenement) => {
    evenement.preventDefault();
    if (bouton.getAttribute("aria-busy") === "true") return;
    bouton.setAttribute("aria-busy", "true");
    try {
      const reponse = await fetch(formulaire.action, {
        method: "POST",
        body: new FormData(formulaire),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const type = reponse.headers.get("Content-Type") || "";
      if (!type.includes("application/json")) throw new Error("réponse inattendue");
      const donnees = await reponse.json();
      if (!reponse.ok) {
        if (annonce) annonce.textContent = donnees.erreur || "Votre soutien n'a pas été enregistré.";
        return;
      }
      bouton.setAttribute("aria-pressed", donnees.soutenue ? "true" : "false");
      choix.value = donnees.soutenue ? "0" : "1";
      if (nombre) nombre.textContent = libelleSoutiens(donnees.nombre);
      if (annonce) annonce.textContent = donnees.message;
    } catch {
      // Login required, verification pending, network error: let the server page handle it.
      formulaire.submit();
    } finally {
      bouton.removeAttribute("aria-busy");
    }
  });
}

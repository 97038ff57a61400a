// Applications of the youth calls: autosave of a section, live budget totals, print button.
// Progressive enhancement only: every form works without this file.

const DELAI_MS = 2000;

function autosaveBrancher(formulaire) {
  const statut = formulaire.querySelector("[data-autosave-statut]");
  let minuterie = null;
  let enCours = false;

  const annoncer = (texte) => {
    if (statut) statut.textContent = texte;
  };

  const envoyer = async () => {
    if (enCours) {
      minuterie = setTimeout(envoyer, DELAI_MS);
      return;
    }
    enCours = true;
    const donnees = new FormData(formulaire);
    // Files are never autosaved: they are sent with the « Enregistrer » buttons.
    for (const champ of formulaire.querySelectorAll("input[type=file]")) {
      donnees.delete(champ.name);
    }
    try {
      const reponse = await fetch(formulaire.action || window.location.href, {
        method: "POST",
        body: donnees,
        credentials: "same-origin",
        headers: { "X-Autosave": "1", Accept: "application/json" },
      });
      const corps = await reponse.json();
      if (reponse.ok && corps.ok) {
        annoncer(
          corps.en_attente
            ? `Brouillon enregistré à ${corps.enregistre_le}. Les lignes ajoutées ou ` +
                "supprimées seront enregistrées avec le bouton « Enregistrer »."
            : `Brouillon enregistré à ${corps.enregistre_le}`,
        );
      } else if (corps.erreurs) {
        const nombre = Object.keys(corps.erreurs).length;
        annoncer(
          `Brouillon enregistré en partie : ${nombre} champ${nombre > 1 ? "s" : ""} à corriger ` +
            "(les erreurs s'affichent quand vous cliquez sur « Enregistrer »).",
        );
      } else {
        annoncer("L'enregistrement automatique n'a pas abouti : cliquez sur « Enregistrer ».");
      }
    } catch {
      annoncer("L'enregistrement automatique n'a pas abouti : cliquez sur « Enregistrer ».");
    } finally {
      enCours = false;
    }
  };

  const planifier = (evenement) => {
    if (evenement.target && evenement.target.type === "file") return;
    clearTimeout(minuterie);
    minuterie = setTimeout(envoyer, DELAI_MS);
  };
  formulaire.addEventListener("input", planifier);
  formulaire.addEventListener("change", planifier);
  formulaire.addEventListener("submit", () => clearTimeout(minuterie));
}

function nombreLire(texte) {
  const valeur = Number.parseFloat(String(texte || "").replace(/\s/g, "").replace(",", "."));
  return Number.isFinite(valeur) ? valeur : 0;
}

function euros(valeur) {
  return `${valeur.toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
}

function totauxBrancher(budget) {
  const formulaire = budget.closest("form");
  const recalculer = () => {
    let depenses = 0;
    let ressources = 0;
    for (const ligne of budget.querySelectorAll("[data-ligne]")) {
      const nature = ligne.querySelector("select[name$='-nature']");
      const montant = ligne.querySelector("input[name$='-montant']");
      const supprimee = ligne.querySelector("input[name$='-DELETE']");
      if (!nature || !montant || (supprimee && supprimee.checked)) continue;
      if (nature.value === "depense") depenses += nombreLire(montant.value);
      else ressources += nombreLire(montant.value);
    }
    const aideChamp = formulaire.querySelector("input[name='montant_demande']");
    const aide = aideChamp ? nombreLire(aideChamp.value) : 0;
    const ecart = depenses - ressources - aide;
    const ecrire = (cle, texte) => {
      const cellule = formulaire.querySelector(`[data-total='${cle}']`);
      if (cellule) cellule.textContent = texte;
    };
    ecrire("depenses", euros(depenses));
    ecrire("ressources", euros(ressources));
    ecrire("aide", euros(aide));
    ecrire("ecart", euros(ecart));
    ecrire(
      "etat",
      Math.abs(ecart) < 0.005 && depenses > 0
        ? "Votre budget est équilibré."
        : "Votre budget n'est pas encore équilibré.",
    );
  };
  formulaire.addEventListener("input", recalculer);
  formulaire.addEventListener("change", recalculer);
}

for (const formulaire of document.querySelectorAll("form[data-autosave]")) {
  autosaveBrancher(formulaire);
}
for (const budget of document.querySelectorAll("[data-budget]")) {
  totauxBrancher(budget);
}
for (const bouton of document.querySelectorAll("[data-imprimer]")) {
  bouton.hidden = false;
  bouton.addEventListener("click", () => window.print());
}

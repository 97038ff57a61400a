// Progressive enhancement of the main navigation on small screens: without
// JavaScript the menu is simply always open.
const bouton = document.querySelector(".entete__menu-bouton");
const navigation = document.getElementById("navigation-principale");
if (bouton && navigation) {
  const basculer = (ouvrir) => {
    bouton.setAttribute("aria-expanded", String(ouvrir));
    navigation.classList.toggle("navigation--ouverte", ouvrir);
  };
  bouton.hidden = false;
  navigation.classList.add("navigation--repliable");
  bouton.addEventListener("click", () => {
    basculer(bouton.getAttribute("aria-expanded") !== "true");
  });
  // Échap referme le menu ouvert et rend le focus au bouton (RGAA 7.1).
  document.addEventListener("keydown", (evenement) => {
    if (evenement.key === "Escape" && bouton.getAttribute("aria-expanded") === "true") {
      basculer(false);
      bouton.focus();
    }
  });
}

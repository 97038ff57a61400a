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

// A table wider than the screen scrolls in its own box: keyboard users must be able to
// reach that box to scroll it (WCAG 2.1.1), so it becomes a named, focusable region
// while, and only while, it overflows.
const defilants = document.querySelectorAll(".tableau-defilant");
if (defilants.length) {
  const ajuster = (boite) => {
    if (boite.scrollWidth > boite.clientWidth + 1) {
      const legende = boite.querySelector("caption");
      boite.tabIndex = 0;
      boite.setAttribute("role", "region");
      boite.setAttribute(
        "aria-label",
        legende ? legende.textContent.trim() : "Tableau défilant horizontalement",
      );
    } else if (boite.getAttribute("role") === "region") {
      boite.removeAttribute("tabindex");
      boite.removeAttribute("role");
      boite.removeAttribute("aria-label");
    }
  };
  const observateur =
    "ResizeObserver" in window
      ? new ResizeObserver((entrees) => entrees.forEach((e) => ajuster(e.target)))
      : null;
  defilants.forEach((boite) => {
    ajuster(boite);
    if (observateur) observateur.observe(boite);
  });
}

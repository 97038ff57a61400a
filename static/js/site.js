// Progressive enhancement of the main navigation on small screens: without
// JavaScript the menu is simply always open.
const bouton = document.querySelector(".entete__menu-bouton");
const navigation = document.getElementById("navigation-principale");
if (bouton && navigation) {
  bouton.hidden = false;
  navigation.classList.add("navigation--repliable");
  bouton.addEventListener("click", () => {
    const ouvert = bouton.getAttribute("aria-expanded") === "true";
    bouton.setAttribute("aria-expanded", String(!ouvert));
    navigation.classList.toggle("navigation--ouverte", !ouvert);
  });
}

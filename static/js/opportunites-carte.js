/*
 * The map view of the job listing: progressive enhancement of the list.
 *
 * The list is the accessible default. When the tiles are configured, the page holds a hidden
 * « Afficher la carte » button: this script shows it, and on the first click creates a Leaflet
 * map and loads the markers from the listing's carte/ route (same filters as the list).
 * One marker per commune (a number: its offers); Tab reaches each marker, Enter opens its
 * popup, which links to the offers. Built with DOM nodes only: no HTML from the data.
 */
(function () {
  "use strict";

  var bloc = document.getElementById("opp-carte-bloc");
  if (!bloc || !window.L) {
    return;
  }
  var bouton = bloc.querySelector(".opp-carte__bascule");
  var zone = document.getElementById("opp-carte");
  var etat = document.createElement("p");
  etat.className = "opp-carte__etat";
  etat.setAttribute("role", "status");
  bloc.appendChild(etat);
  var carte = null;

  function element(nom, classe, texte) {
    var noeud = document.createElement(nom);
    if (classe) {
      noeud.className = classe;
    }
    if (texte !== undefined) {
      noeud.textContent = texte;
    }
    return noeud;
  }

  function pluriel(nombre, mot) {
    return nombre + " " + mot + (nombre > 1 ? "s" : "");
  }

  function popup(commune) {
    var contenu = element("div", "opp-carte__popup");
    contenu.appendChild(
      element("p", "opp-carte__commune", commune.commune + " : " + pluriel(commune.offres.length, "offre"))
    );
    var liste = element("ul", "opp-carte__offres");
    commune.offres.slice(0, 10).forEach(function (offre) {
      var item = element("li");
      var lien = element("a", "", offre.titre);
      lien.href = offre.url;
      item.appendChild(lien);
      if (offre.employeur) {
        item.appendChild(document.createTextNode(" — " + offre.employeur));
      }
      liste.appendChild(item);
    });
    contenu.appendChild(liste);
    if (commune.offres.length > 10) {
      contenu.appendChild(element("p", "", "… et " + (commune.offres.length - 10) + " autres dans la liste."));
    }
    return contenu;
  }

  function icone(commune) {
    var html = element("span", "opp-marqueur__nombre");
    var nombre = element("span", "", String(commune.offres.length));
    nombre.setAttribute("aria-hidden", "true");
    html.appendChild(nombre);
    html.appendChild(element("span", "sr-only", commune.commune + " : " + pluriel(commune.offres.length, "offre")));
    return L.divIcon({ className: "opp-marqueur", html: html, iconSize: [36, 36] });
  }

  function ajouter(donnees) {
    // One marker per commune (at most the Lot's 312): no clustering needed.
    var groupe = L.featureGroup();
    var total = 0;
    donnees.communes.forEach(function (commune) {
      total += commune.offres.length;
      var marqueur = L.marker([commune.lat, commune.lon], {
        icon: icone(commune),
        keyboard: true,
        title: commune.commune,
      });
      marqueur.bindPopup(popup(commune));
      groupe.addLayer(marqueur);
    });
    groupe.addTo(carte);
    if (donnees.communes.length) {
      carte.fitBounds(groupe.getBounds(), { padding: [24, 24], maxZoom: 12 });
      etat.textContent =
        "Carte : " + pluriel(total, "offre") + " dans " + pluriel(donnees.communes.length, "commune") + ".";
    } else {
      etat.textContent = "Carte : aucune offre à placer.";
    }
  }

  function initialiser() {
    carte = L.map(zone, { scrollWheelZoom: false }).setView([44.62, 1.68], 9);
    var attribution = element("span", "", bloc.getAttribute("data-attribution") || "");
    L.tileLayer(bloc.getAttribute("data-tuiles"), {
      attribution: attribution.innerHTML,
      maxZoom: 18,
    }).addTo(carte);
    etat.textContent = "Chargement de la carte…";
    fetch(bloc.getAttribute("data-url"), { headers: { Accept: "application/json" } })
      .then(function (reponse) {
        if (!reponse.ok) {
          throw new Error(String(reponse.status));
        }
        return reponse.json();
      })
      .then(ajouter)
      .catch(function () {
        etat.textContent = "La carte n'a pas pu être chargée ; la liste des offres reste disponible.";
      });
  }

  bouton.hidden = false;
  bouton.addEventListener("click", function () {
    var ouvrir = bouton.getAttribute("aria-expanded") !== "true";
    bouton.setAttribute("aria-expanded", String(ouvrir));
    bouton.textContent = ouvrir ? "Masquer la carte" : "Afficher la carte";
    zone.hidden = !ouvrir;
    if (ouvrir && !carte) {
      initialiser();
    } else if (ouvrir) {
      carte.invalidateSize();
    }
  });
})();

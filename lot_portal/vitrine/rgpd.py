"""Personal data of vitrine: none (editorial pages and partner organisations)."""

from lot_portal.rgpd.registre import sans_donnees_personnelles

sans_donnees_personnelles(
    "vitrine.VivreIndexPage",
    "vitrine.VivrePage",
    "vitrine.CampagnePage",
    "vitrine.Partenaire",
    "vitrine.PartenairesPage",
)

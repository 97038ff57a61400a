"""Personal data of territoire: none (communes and their groupings)."""

from lot_portal.rgpd.registre import sans_donnees_personnelles

sans_donnees_personnelles("territoire.CommunauteDeCommunes", "territoire.Commune")

"""Forms of the personal-data pages: confirming the deletion of the account."""

from django import forms

from lot_portal.cms.formulaires import ChampsAccessiblesMixin


class SuppressionCompteForm(ChampsAccessiblesMixin, forms.Form):
    """The account's password, asked again before deleting everything."""

    mot_de_passe = forms.CharField(
        label="Votre mot de passe",
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Pour confirmer que c'est bien vous qui demandez la suppression.",
        error_messages={"required": "Saisissez votre mot de passe pour confirmer."},
    )

    def __init__(self, *args, utilisateur, **kwargs):
        super().__init__(*args, **kwargs)
        self.utilisateur = utilisateur

    def clean_mot_de_passe(self):
        mot_de_passe = self.cleaned_data["mot_de_passe"]
        if not self.utilisateur.check_password(mot_de_passe):
            raise forms.ValidationError(
                "Ce mot de passe n'est pas le bon. Votre compte n'a pas été supprimé."
            )
        return mot_de_passe

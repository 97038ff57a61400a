"""Form helpers every public form of the portal uses."""


class ChampsAccessiblesMixin:
    """Links each field's errors and help to it (``aria-describedby``) and flags it invalid.

    Pair with ``templates/components/champ.html`` (which renders the ids) and
    ``templates/components/resume_erreurs.html`` (the summary at the top of the form).
    """

    def add_error(self, field, error):
        super().add_error(field, error)
        for nom in self.errors:
            if nom not in self.fields:
                continue
            champ = self[nom]
            ids = [f"{champ.auto_id}_erreur"]
            if champ.help_text:
                ids.insert(0, f"{champ.auto_id}_helptext")
            attrs = self.fields[nom].widget.attrs
            attrs["aria-describedby"] = " ".join(ids)
            attrs["aria-invalid"] = "true"

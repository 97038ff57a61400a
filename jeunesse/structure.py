"""The staff group of the youth calls (idempotent; called by the demo seeder and tests).

« Instruction jeunesse »: opens the Wagtail admin, edits calls, instructs applications
(``jeunesse.instruire_candidature``), assigns jurors, decides, follows laureates, moderates
journals and ideas. Jurors need no group: a ``MembreJury`` row per call gives them the jury
space on the public site (a jury may mix staff, partners and young people).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

GROUPE_INSTRUCTION = "Instruction jeunesse"


@transaction.atomic
def structure_creer() -> Group:
    groupe, _ = Group.objects.get_or_create(name=GROUPE_INSTRUCTION)
    groupe.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="jeunesse"),
        *Permission.objects.filter(
            content_type__app_label="wagtailimages", codename__in=["add_image", "choose_image"]
        ),
    )
    return groupe

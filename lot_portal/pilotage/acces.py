"""Who may see the steering figures (« Pilotage »).

An active staff account with access to the Wagtail admin, and one of: superuser, member of
the « Pilotage » group, or any ``pilotage_acces`` hook says yes (accueil registers one: every
welcome referent). What area they see is ``registre.perimetre(user)``.
"""

from django.contrib.auth.models import Group, Permission
from wagtail import hooks

GROUPE_PILOTAGE = "Pilotage"


def peut_voir(utilisateur) -> bool:
    """Whether ``utilisateur`` may open the dashboard, its exports and the home panel."""
    if not (
        utilisateur.is_authenticated
        and utilisateur.is_active
        and utilisateur.is_staff
        and utilisateur.has_perm("wagtailadmin.access_admin")
    ):
        return False
    if utilisateur.is_superuser:
        return True
    # Asked several times per admin page (view, menu, home panel): once per user object.
    if not hasattr(utilisateur, "_pilotage_membre"):
        utilisateur._pilotage_membre = utilisateur.groups.filter(name=GROUPE_PILOTAGE).exists()
    if utilisateur._pilotage_membre:
        return True
    return any(fonction(utilisateur) for fonction in hooks.get_hooks("pilotage_acces"))


def groupe_pilotage_assurer(using: str = "default") -> Group:
    """The « Pilotage » group, with access to the Wagtail admin (idempotent)."""
    groupe, _ = Group.objects.using(using).get_or_create(name=GROUPE_PILOTAGE)
    groupe.permissions.add(
        *Permission.objects.using(using).filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    return groupe


def groupe_pilotage_apres_migration(sender, app_config=None, using="default", **kwargs):
    """``post_migrate`` receiver: create the group once wagtailadmin's permission exists."""
    if app_config is None or app_config.label != "wagtailadmin":
        return
    groupe_pilotage_assurer(using=using)

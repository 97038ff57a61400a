"""Who reads the audit log: superusers and the « Délégué à la protection des données » group."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import GROUPE_DPO


def est_dpo(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=GROUPE_DPO).exists()


class PolitiqueJournal(BasePermissionPolicy):
    """Read-only for the DPO and superusers; rows are written by the service only."""

    def user_has_permission(self, user, action):
        return action in ("view", "export") and est_dpo(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        utilisateurs = get_user_model().objects.filter(is_active=True)
        if not {"view", "export"} & set(actions):
            return utilisateurs.none()
        return utilisateurs.filter(Q(is_superuser=True) | Q(groups__name=GROUPE_DPO)).distinct()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model.objects.all()
        return self.model.objects.none()


def groupe_dpo_creer(**kwargs) -> Group:
    """The DPO group, with access to the admin (post_migrate: idempotent)."""
    groupe, _ = Group.objects.get_or_create(name=GROUPE_DPO)
    groupe.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return groupe

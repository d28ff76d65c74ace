from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from netra.accounts.models import Membership, Role


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "scope_kind", "requires_two_factor"]
    list_editable = ["requires_two_factor"]
    readonly_fields = ["code", "scope_kind", "region_levels"]
    fields = ["code", "name", "description", "scope_kind", "region_levels", "requires_two_factor"]

    def has_add_permission(self, request):
        return False  # roles come from accounts/data/roles.toml

    def has_delete_permission(self, request, obj=None):
        return False


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["region", "agency"]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class NetraUserAdmin(UserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_staff", "is_active"]

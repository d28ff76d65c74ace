from django.contrib import admin

from netra.regions.models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]  # also serves autocomplete on other admins
    raw_id_fields = ["parent"]
    readonly_fields = ["code"]

    def has_add_permission(self, request):
        return False  # regions come from `netra regions load`, not by hand

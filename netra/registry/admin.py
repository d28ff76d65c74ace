from django.contrib import admin

from netra.registry.models import Agency


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region", "ppk_title"]
    list_filter = ["kind"]
    search_fields = ["name", "ppk_title", "ppk_office"]
    autocomplete_fields = ["region"]

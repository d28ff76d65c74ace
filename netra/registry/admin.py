from django.contrib import admin

from netra.registry.models import Agency, Person


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region", "ppk_title"]
    list_filter = ["kind"]
    search_fields = ["name", "ppk_title", "ppk_office"]
    autocomplete_fields = ["region"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "subject_type", "position", "agency", "region", "nip"]
    list_filter = ["subject_type"]
    search_fields = ["name", "nip"]
    autocomplete_fields = ["agency", "region"]
    list_select_related = ["agency", "region"]
    readonly_fields = ["created_at", "updated_at"]

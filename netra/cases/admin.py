"""Admin for cases: mostly for looking. Cases change only through ``services`` (every change is an event),
the event log is append-only, and evidence and its chain of custody are never edited by hand."""

from django.contrib import admin

from netra.cases.models import Case, CaseEvent, Election, ElectionStage, Evidence, StoredFile, ViolationCode


class ReadOnlyAdmin(admin.ModelAdmin):
    """Visible to staff with the view permission; nobody adds, changes or deletes through the admin."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ElectionStageInline(admin.TabularInline):
    model = ElectionStage
    extra = 0


@admin.register(Election)
class ElectionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "voting_day"]
    search_fields = ["code", "name"]
    inlines = [ElectionStageInline]


@admin.register(ViolationCode)
class ViolationCodeAdmin(ReadOnlyAdmin):
    """Copied from rules/data/catalogue.toml by `netra migrate`; edit the catalogue, not this table."""

    list_display = ["code", "track", "title", "default_sanction"]
    list_filter = ["track"]
    search_fields = ["code", "title"]


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ["tracking_code", "origin", "status", "election", "region", "received_at", "next_due_on"]
    list_filter = ["status", "origin", "election"]
    list_select_related = ["election", "region"]
    search_fields = ["=tracking_code", "=register_number"]
    show_full_result_count = False
    date_hierarchy = "received_at"
    exclude = ["created_by"]
    readonly_fields = ["tracking_code"]


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    """The append-only, hash-chained history (see audit.py); `netra audit verify` checks it."""

    list_display = ["seq", "case", "kind", "from_status", "to_status", "actor", "at"]
    list_filter = ["kind"]
    list_select_related = ["case", "actor"]
    search_fields = ["=case__tracking_code"]
    show_full_result_count = False


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ["pk", "case", "original_name", "url", "file", "added_at", "added_by"]
    list_select_related = ["case", "file", "added_by"]
    search_fields = ["=case__tracking_code", "=file__sha256"]
    show_full_result_count = False


@admin.register(StoredFile)
class StoredFileAdmin(ReadOnlyAdmin):
    list_display = ["sha256", "size", "content_type", "created_at"]
    search_fields = ["=sha256"]
    show_full_result_count = False

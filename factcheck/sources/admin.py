from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from factcheck.sources.forms import SourceAdminForm, SourceImportForm
from factcheck.sources.models import Claimant, Source
from factcheck.sources.services import sources_import_csv


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceAdminForm
    list_display = ["name", "home", "kind", "credibility", "active", "newsroom"]
    list_filter = ["newsroom", "kind", "credibility", "active"]
    search_fields = ["name", "home", "notes"]
    readonly_fields = ["domain", "home", "created_at", "updated_at"]
    change_list_template = "admin/sources/source/change_list.html"

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="sources_source_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request):
            return redirect("admin:index")
        report = None
        form = SourceImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            report = sources_import_csv(newsroom=form.cleaned_data["newsroom"], data=form.cleaned_data["file"].read())
            level = messages.SUCCESS if report.ok else messages.WARNING
            self.message_user(
                request,
                f"Imported: {report.created} created, {report.updated} updated, {len(report.errors)} rows with errors.",
                level,
            )
            if report.ok:
                return redirect(reverse("admin:sources_source_changelist"))
        context = {**self.admin_site.each_context(request), "form": form, "report": report, "opts": self.model._meta}
        return TemplateResponse(request, "admin/sources/source/import.html", context)


@admin.register(Claimant)
class ClaimantAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "kind", "same_as", "newsroom"]
    list_filter = ["newsroom", "kind"]
    search_fields = ["name", "role"]

from django.contrib import admin

from factcheck.newsrooms.models import Membership, Newsroom


def _superusers_only(request):
    """The Django admin is for platform operators: it is not newsroom-scoped, so staff rights are not enough.

    Newsroom admins manage members, the rating scale and sources in the app, scoped to their newsroom.
    """
    user = request.user
    return user.is_active and user.is_superuser


admin.site.has_permission = _superusers_only


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Newsroom)
class NewsroomAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "url", "checkworthy_threshold"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "newsroom", "role"]
    list_filter = ["role", "newsroom"]
    search_fields = ["user__username", "newsroom__name"]
    autocomplete_fields = ["user"]

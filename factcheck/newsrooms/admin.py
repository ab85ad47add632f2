from django.contrib import admin

from factcheck.newsrooms.models import Membership, Newsroom


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

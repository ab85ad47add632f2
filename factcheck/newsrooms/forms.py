from django import forms

from factcheck.newsrooms.models import Membership


class MemberAddForm(forms.Form):
    username = forms.CharField(
        max_length=150, help_text="What they log in with: letters, digits and @ . + - _ only.", strip=True
    )
    email = forms.EmailField(max_length=254)
    display_name = forms.CharField(max_length=150, help_text="The name colleagues see, e.g. 'Dana Okafor'.")
    role = forms.ChoiceField(choices=Membership.Role.choices, initial=Membership.Role.CHECKER)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(choices=Membership.Role.choices)

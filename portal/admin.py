"""The admin site as a whole: its titles and its login form."""

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import UsernameField
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Bắc Kạn industrial zones portal: administration")
admin.site.site_title = _("Bắc Kạn industry portal")
admin.site.index_title = _("What would you like to update?")
# The sidebar would push the status columns of the site list off a laptop screen.
admin.site.enable_nav_sidebar = False


class LoginForm(AdminAuthenticationForm):
    """The admin's login, with a username no longer than a real one (a 300-character name was
    a 500: the failed-login record could not store it)."""

    username = UsernameField(max_length=150, widget=forms.TextInput(attrs={"autofocus": True}))


admin.site.login_form = LoginForm

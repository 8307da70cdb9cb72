"""
The project import's safety: where the previewed file waits for the editor's confirmation, and
how the confirmation is checked.

django-import-export keeps the uploaded file between the preview and the confirm step, and the
confirm form posts the file's name back. Here that name is a signed, expiring token: the file
lives in a private folder of this portal's (not the shared temp folder), under a random name
the token carries, and is deleted after the import, or an hour after the preview when the
editor never confirms. The confirm form carries that token signed again with the editor's id.
A token that is forged, altered, expired or another editor's is a form error, never a file
operation.
"""

import os
import time
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _
from import_export.forms import ConfirmImportForm
from import_export.tmp_storages import BaseStorage

SIGNING_SALT = "investments.project-import-preview"
EDITOR_SALT = "investments.project-import-preview-editor"


def preview_folder():
    folder = Path(settings.PROJECT_IMPORT_PREVIEW_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def remove_expired_previews():
    """Previews never confirmed go after PROJECT_IMPORT_PREVIEW_SECONDS."""
    oldest = time.time() - settings.PROJECT_IMPORT_PREVIEW_SECONDS
    for path in preview_folder().glob("*.upload"):
        if path.stat().st_mtime < oldest:
            path.unlink(missing_ok=True)


def unsign(token):
    """The random file name inside a token, or BadSignature (forged, altered or expired)."""
    name = signing.loads(token, salt=SIGNING_SALT, max_age=settings.PROJECT_IMPORT_PREVIEW_SECONDS)
    uuid.UUID(hex=name)  # nothing but a random name ever reaches the file system
    return name


class SignedPreviewStorage(BaseStorage):
    """django-import-export's temporary storage, with signed names in a private folder."""

    def save(self, data):
        remove_expired_previews()
        file_name = uuid.uuid4().hex
        path = preview_folder() / f"{file_name}.upload"
        with open(
            path, "wb" if isinstance(data, bytes) else "w", encoding=self._encoding(data)
        ) as f:
            f.write(data)
        os.chmod(path, 0o600)
        self.name = signing.dumps(file_name, salt=SIGNING_SALT)

    def read(self):
        mode = self.read_mode if "b" in self.read_mode else "r"
        encoding = None if "b" in mode else (self.encoding or "utf-8-sig")
        with open(self._path(), mode, encoding=encoding) as file:
            return file.read()

    def remove(self):
        self._path().unlink(missing_ok=True)

    def _path(self):
        return preview_folder() / f"{unsign(self.name)}.upload"

    def _encoding(self, data):
        return None if isinstance(data, bytes) else (self.encoding or "utf-8")


def for_editor(token, user):
    """A preview's token as its confirm form carries it: bound to the editor who previewed."""
    return signing.dumps([token, user.pk], salt=EDITOR_SALT)


class SignedConfirmImportForm(ConfirmImportForm):
    """
    The confirm step accepts only a preview token this portal signed, within the hour, for the
    editor confirming (for_user()): another editor never imports a file they did not preview.
    """

    editor = None

    @classmethod
    def for_user(cls, user):
        return type(cls.__name__, (cls,), {"editor": user})

    def clean_import_file_name(self):
        try:
            token, editor_pk = signing.loads(
                self.cleaned_data["import_file_name"],
                salt=EDITOR_SALT,
                max_age=settings.PROJECT_IMPORT_PREVIEW_SECONDS,
            )
            unsign(token)
            if self.editor is None or editor_pk != self.editor.pk:
                raise ValueError("previewed by another editor")
        except (signing.BadSignature, ValueError, TypeError):
            raise forms.ValidationError(
                _("This preview has expired or is not valid. Upload the file again.")
            ) from None
        return token

"""The file-based e-mail backend, with a file of its own for each connection: Django names the
file by the second and the backend's id(), which two forked worker processes can share, and
their appends could then interleave."""

import os
import uuid

from django.core.mail.backends import filebased


class EmailBackend(filebased.EmailBackend):
    def _get_filename(self) -> str:
        if self._fname is None:
            self._fname = os.path.join(self.file_path, f"{os.getpid()}-{uuid.uuid4().hex}.log")
        return self._fname

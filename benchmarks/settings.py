"""The production settings, plus a URLconf with the benchmark's baseline view.

The baseline is no page of the product, so it lives here and nowhere else. STATIC_ROOT may point
at a throwaway folder: the benchmark collects the static files there for the manifest storage.
"""

import os

from careerplan.settings import *  # noqa: F403
from careerplan.settings import STATIC_ROOT as _STATIC_ROOT

ROOT_URLCONF = "benchmarks.urls"
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT") or _STATIC_ROOT
# Production's WhiteNoise storage is this manifest storage plus compressed copies of each file.
# Pages pay only for the manifest lookup, which is the same; skipping the compression saves
# a quarter of a minute of collectstatic on every run.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

"""CSP violations reach the log through one capped, rate-limited endpoint."""

import json
import logging

import pytest
from django.urls import reverse

URL = reverse("core:csp-report")
LEGACY = {
    "csp-report": {
        "document-uri": "http://testserver/goals/",
        "violated-directive": "script-src",
        "blocked-uri": "inline",
    }
}
REPORT_TO = [
    {
        "type": "csp-violation",
        "body": {"documentURL": "http://testserver/", "effectiveDirective": "style-src-elem"},
    }
]


def _post(client, body, content_type="application/csp-report"):
    return client.post(URL, json.dumps(body), content_type=content_type)


def test_every_page_declares_where_violations_go(client, db):
    response = client.get(reverse("account_login"))
    policy = response["Content-Security-Policy"]
    assert "report-uri /csp-report" in policy
    assert "report-to csp" in policy
    assert response["Reporting-Endpoints"] == 'csp="http://testserver/csp-report"'


@pytest.mark.parametrize(
    ("body", "content_type", "logged"),
    [
        (LEGACY, "application/csp-report", "script-src"),
        (REPORT_TO, "application/reports+json", "style-src-elem"),
    ],
)
def test_a_report_is_logged_and_answered_204(client, db, caplog, body, content_type, logged):
    with caplog.at_level(logging.WARNING, logger="apps.core.views"):
        response = _post(client, body, content_type)
    assert response.status_code == 204
    assert any(logged in r.getMessage() for r in caplog.records)


def test_an_oversized_report_is_refused_unread(client, db, caplog):
    with caplog.at_level(logging.WARNING, logger="apps.core.views"):
        response = _post(client, {"csp-report": {"blocked-uri": "x" * 20_000}})
    assert response.status_code == 413
    assert not [r for r in caplog.records if "CSP violation" in r.getMessage()]


def test_garbage_is_answered_204_and_not_logged(client, db, caplog):
    with caplog.at_level(logging.WARNING, logger="apps.core.views"):
        response = client.post(URL, b"not json", content_type="application/csp-report")
    assert response.status_code == 204
    assert not [r for r in caplog.records if "CSP violation" in r.getMessage()]


def test_reports_are_rate_limited(client, db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "csp_report": "2/m"}
    assert _post(client, LEGACY).status_code == 204
    assert _post(client, LEGACY).status_code == 204
    response = _post(client, LEGACY)
    assert response.status_code == 429
    assert response["Retry-After"]

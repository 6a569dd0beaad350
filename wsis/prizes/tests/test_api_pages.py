
import re

import pytest
from django.core import mail

from wsis.accounts.models import User
from wsis.prizes.models import Vote
from wsis.testing.factories import voter

pytestmark = pytest.mark.django_db


def test_api_voting_and_permissions(client, entries, people):
    contest, s1, s2, s3 = entries
    url = f"/api/v1/prizes/submissions/{s1.pk}/vote"
    assert client.post(url).status_code == 401
    client.force_login(voter("unconfirmed", verified=False))
    r = client.post(url)
    assert r.status_code == 403 and "Confirm your e-mail" in r.json()["errors"][0]["message"]
    client.force_login(voter("api-voter"))
    r = client.post(url)
    assert r.status_code == 201 and r.json()["category"] == "C2"
    r = client.post(f"/api/v1/prizes/submissions/{s2.pk}/vote")
    assert r.status_code == 409 and r.json()["errors"][0]["code"] == "already_voted"
    assert client.get(f"/api/v1/prizes/contests/{contest.year}/tally").status_code == 403
    public = client.get(f"/api/v1/prizes/contests/{contest.year}/submissions").json()["results"]
    assert {row["state"] for row in public} == {"nominated"} and all(row["votes"] is None for row in public)
    client.force_login(people["admin"])
    tally = client.get(f"/api/v1/prizes/contests/{contest.year}/tally").json()
    assert {row["id"]: row["votes"] for row in tally}[s1.pk] == 1
    vote = Vote.objects.get()
    r = client.post("/api/v1/prizes/votes/invalidate", {"votes": [vote.pk], "reason": "test"}, content_type="application/json")
    assert r.json() == {"invalidated": 1}
    assert {row["id"]: row["votes"] for row in client.get(f"/api/v1/prizes/contests/{contest.year}/tally").json()}[s1.pk] == 0


def test_results_api_and_csv(client, entries, people):
    from wsis.prizes import services
    from wsis.testing.factories import shift_contest

    contest, s1, s2, s3 = entries
    services.vote_cast(voter=voter("x1"), submission=s2)
    shift_contest(contest, "selection")
    client.force_login(people["admin"])
    assert client.post(f"/api/v1/prizes/contests/{contest.year}/finalists").status_code == 200
    assert client.post(f"/api/v1/prizes/contests/{contest.year}/publish").status_code == 409
    for s in (s2, s3):
        assert client.post(f"/api/v1/prizes/submissions/{s.pk}/winner").status_code == 200
    assert client.post(f"/api/v1/prizes/contests/{contest.year}/publish").json()["phase"] == "results"
    client.logout()
    rows = client.get(f"/api/v1/prizes/contests/{contest.year}/results").json()["results"]
    assert [(r["category"], r["state"]) for r in rows] == [("C2", "winner"), ("C2", "champion"), ("C5", "winner")]
    csv_text = client.get(f"/api/v1/prizes/contests/{contest.year}/results", {"format": "csv"}).content.decode("utf-8-sig")
    assert csv_text.count("\n") == 4 and "winner" in csv_text
    page = client.get(f"/fr/prizes/{contest.year}/results/", {"region": "AFR"}).content.decode()
    assert "Satellite backhaul" in page


def test_register_confirm_and_vote_pages(client, entries):
    contest, s1, _s2, _s3 = entries
    r = client.post("/en/prizes/register/", {"username": "newvoter", "email": "new@example.org", "password": "a-long-pass-321"})
    assert r.status_code == 200 and "new@example.org" in r.content.decode()
    user = User.objects.get(username="newvoter")
    assert user.email_verified_at is None and len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    r = client.get(link.replace("http://testserver", ""))
    assert r.status_code == 302
    user.refresh_from_db()
    assert user.email_verified_at is not None
    page = client.get(f"/en/prizes/{contest.year}/").content.decode()
    assert "Vote in C2" in page
    r = client.post(f"/en/prizes/{contest.year}/vote/", {"submission": s1.pk}, follow=True)
    assert "your vote in C2 is recorded" in r.content.decode()
    r = client.post(f"/en/prizes/{contest.year}/vote/", {"submission": s1.pk}, follow=True)
    assert "already voted" in r.content.decode()
    assert Vote.objects.filter(voter=user).count() == 1
    bad = client.get("/en/prizes/confirm/not-a-token/", follow=True)
    assert "invalid or has expired" in bad.content.decode()
    weak = client.post("/en/prizes/register/", {"username": "other", "email": "other@example.org", "password": "x"})
    assert "too short" in weak.content.decode() and not User.objects.filter(username="other").exists()


def test_other_prize_pages(client, entries, people):
    contest, *_ = entries
    for url in ("/en/prizes/", f"/ar/prizes/{contest.year}/", f"/en/prizes/{contest.year}/results/"):
        assert client.get(url).status_code == 200, url
    assert client.get("/en/prizes/1999/").status_code == 404
    client.force_login(people["stranger"])
    assert client.get(f"/en/prizes/{contest.year}/experts/").status_code == 404
    client.force_login(people["admin"])
    assert client.get(f"/en/prizes/{contest.year}/experts/").status_code == 200


def test_cli_results(entries, people, tmp_path):
    import io

    from django.core.management import CommandError, call_command

    from wsis.prizes import services
    from wsis.testing.factories import shift_contest

    contest, s1, s2, s3 = entries
    shift_contest(contest, "selection")
    services.finalists_select(actor=people["admin"], contest=contest)
    for s in (s1, s3):
        services.winner_choose(actor=people["admin"], submission=s)
    services.results_publish(actor=people["admin"], contest=contest)
    out = tmp_path / "r.csv"
    call_command("prizes", "results", str(contest.year), "-o", str(out), stdout=io.StringIO())
    assert out.read_text(encoding="utf-8-sig").count("winner") == 2
    with pytest.raises(CommandError):
        call_command("prizes", "results", "1999")


def test_client_address_behind_a_proxy(rf, settings):
    from wsis.prizes.api import client_address

    request = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.1")
    assert client_address(request) == "10.0.0.1"
    settings.WSIS_CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"
    assert client_address(request) == "203.0.113.9"

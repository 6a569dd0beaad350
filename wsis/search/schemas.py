"""The answer of the site search, typed for the OpenAPI document."""

from typing import Literal

from ninja import Schema
from pydantic import Field

Kind = Literal["economies", "activities", "frameworks", "indicators", "organisations", "contributions", "plan_outputs"]


class SearchHit(Schema):
    title: str = Field(description="The record's name or title in the requested language (another language when it has none).")
    url: str = Field(description="The record's page, in the requested language.")
    context: str = Field(description="A short line that tells hits apart: code, kind, organisation, meeting, date.")
    code: str = Field(description="The record's code (ISO alpha-3, action line, SDG target, indicator, symbol) or id.")
    lang: str = Field(description="The language of `title` when it is not the requested one, else empty.")
    summary: str = Field(description="The start of the record's summary, when it has one (activities).")


class SearchGroup(Schema):
    kind: Kind
    label: str = Field(description="The name of the kind in the requested language.")
    count: int = Field(description="How many records of this kind match (the viewer may see all of them).")
    hits: list[SearchHit] = Field(description="The first `limit` matches, best first.")
    more_url: str = Field(description="The full list of matches (a filtered list page), when there are more than `hits`.")


class SearchAnswer(Schema):
    q: str
    lang: str
    total: int = Field(description="Matches over every group.")
    groups: list[SearchGroup] = Field(description="Groups with at least one match, economies first.")

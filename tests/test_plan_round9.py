"""Who signs a message decides what the closing question may ask of it."""

from __future__ import annotations

import pytest

from analyzer.planclosing import after_gap
from analyzer.plancontext import PlanContext, signed_by_team
from analyzer.planwords import plan_settings
from analyzer.roles import role_and_company, role_of

PERSON_ABOVE_BODY_LINE = (
    "Hi Dan,\n\nThanks for the two conversations. After the last one the hiring team was not "
    "sure the shift pattern would work for you, so we won't be offering you the post.\n\n"
    "Best,\nMira"
)
TEAM = (
    "Dear applicant,\n\nThank you for completing the online assessment. We will not be taking "
    "your application further.\n\nKind regards,\nThe Talent Acquisition Team"
)


@pytest.mark.parametrize(
    ("text", "team"),
    [(PERSON_ABOVE_BODY_LINE, False), (TEAM, True)],
)
def test_a_team_named_in_the_body_does_not_sign(text: str, team: bool) -> None:
    assert signed_by_team(text) is team


@pytest.mark.parametrize(
    ("context", "wording"),
    [
        (PlanContext(stage="take_home", team_signed=True), None),
        (PlanContext(stage="applied", form_letter=True), None),
        (PlanContext(stage="interviewed"), None),
        (PlanContext(stage="interviewed", invites=True), "untimed"),
        (PlanContext(stage="interviewed", follow_up="reapply"), "reapply"),
    ],
)
def test_a_team_is_not_asked_where_it_would_see_me(
    context: PlanContext, wording: str | None
) -> None:
    """A team mailbox cannot say which role it would see the candidate in, whatever the stage,
    and how to hear of similar roles has an obvious answer: no closing question; nor is a person
    who did not invite questions asked for career advice (the fifteenth round). An invitation
    to apply again is taken up by the roles to watch for."""
    question = after_gap(context, seed=3)
    if wording is None:
        assert question is None
    else:
        assert question in plan_settings()["forward"]["after_gap"][wording]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Thanks for applying. Northgate Logistics is an Equal Opportunity Employer.", None),
        (
            "We are an Equal Opportunity Employer. Thanks for applying for the Shift Lead post.",
            "Shift Lead",
        ),
        ("Thank you for your interest in the Data Analyst opportunity.", "Data Analyst"),
        ("Über uns: an Equal Opportunity employer. Your Stock Controller application", None),
    ],
)
def test_an_equal_opportunity_footer_names_no_role(text: str, role: str | None) -> None:
    """The "Opportunity" of "an Equal Opportunity Employer" is no role noun (both readers)."""
    assert role_of(text) == role
    assert role_and_company(text)[0] == role

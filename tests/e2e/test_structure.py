"""The structure of a partnership as a visitor sees it, and an officer adding a board."""

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]


@pytest.mark.parametrize("partnership", ["highland-cpp", "cardiff"])
def test_structure_page_is_drawn_and_accessible(page, demo, tmp_path, partnership):
    page.goto(f"/partnerships/{partnership}/")
    page.get_by_role("link", name="The partnership's structure, drawn").click()

    diagram = page.locator("svg.app-structure")
    expect(diagram).to_be_visible()
    assert_accessible(page)
    diagram.screenshot(path=tmp_path / f"{partnership}.png")
    page.screenshot(path=tmp_path / f"{partnership}-page.png", full_page=True)


def test_a_box_of_the_drawing_leads_to_its_board(page, demo):
    page.goto("/partnerships/cardiff/structure/")

    page.locator("svg.app-structure").get_by_role(
        "link", name="Integrated Assessment Tool task group: Task group, active"
    ).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Integrated Assessment Tool task group"
    )


def test_officer_adds_a_task_group_under_the_cog(page, demo):
    sign_in(page, "officer", PASSWORDS["officer"])
    page.goto("/partnerships/highland-cpp/structure/")
    page.get_by_role("link", name="Add a board").click()
    assert_accessible(page)

    page.get_by_label("Name").fill("Performance data task group")
    page.get_by_label("Kind of board").select_option(label="Task group")
    page.get_by_label("Reports to (optional)").select_option(label="Chief Officers' Group")
    page.get_by_role("button", name="Save board").click()

    expect(page.get_by_text("Performance data task group has been added.")).to_be_visible()
    page.goto("/partnerships/highland-cpp/structure/")
    expect(
        page.locator("svg.app-structure").get_by_role(
            "link", name="Performance data task group: Task group, active"
        )
    ).to_be_visible()


def test_a_loop_is_refused_on_the_edit_page(page, demo):
    sign_in(page, "admin", PASSWORDS["admin"])
    page.goto("/partnerships/cardiff/boards/ipoc/edit/")
    assert_accessible(page)

    page.get_by_label("Reports to (optional)").select_option(
        label="Integrated Assessment Tool task group"
    )
    page.get_by_role("button", name="Save changes").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Boards cannot report to each other in a loop."
    )
    assert_accessible(page)

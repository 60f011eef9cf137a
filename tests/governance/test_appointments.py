import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from governance.models import JointAppointment, JointAppointmentShare
from governance.services import JOINT_APPOINTMENT_NEEDS_TWO_EMPLOYERS, SHARES_MUST_TOTAL_100
from partnership.models import Organisation, PartnerMembership, Person
from tests.documents import pdf_document, png_image, upload, word_document
from tests.factories import (
    JointAppointmentFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.pages import error_summary
from tests.pages import text_of as page_text
from tests.two_factor import VERIFIED_SESSION_QUERIES

pytestmark = pytest.mark.django_db

CANNOCK = "/partnerships/cannock-chase-lsp/joint-appointments/"


def text_of(response) -> str:
    """The page's text, with no space left before a stop or comma where a tag closed."""
    return page_text(response).replace(" .", ".").replace(" ,", ",")


@pytest.fixture
def partnership():
    return PartnershipFactory(name="Shire Partnership", slug="shire")


@pytest.fixture
def council(partnership):
    council = OrganisationFactory(name="Shire Council")
    PartnerMembership.objects.create(partnership=partnership, organisation=council)
    return council


@pytest.fixture
def trust(partnership):
    trust = OrganisationFactory(name="Shire NHS Trust", kind=Organisation.Kind.NHS_TRUST)
    PartnerMembership.objects.create(partnership=partnership, organisation=trust)
    return trust


@pytest.fixture
def officer(council):
    user = UserFactory()
    PersonFactory(
        name="Olive Officer", user=user, organisation=council, capacity=Person.Capacity.OFFICER
    )
    return user


def appointment_with_shares(partnership, *shares, **fields) -> JointAppointment:
    appointment = JointAppointmentFactory(partnership=partnership, **fields)
    for organisation, percent in shares:
        JointAppointmentShare.objects.create(
            appointment=appointment,
            organisation=organisation,
            cost_share_percent=Decimal(percent),
            accountable_to=f"Chief Executive, {organisation}",
        )
    return appointment


def form_data(council, trust, *, council_share="50", trust_share="50", **fields) -> dict:
    data = {
        "post_title": "Director of Public Health",
        "holder": "",
        "started_on_0": "1",
        "started_on_1": "4",
        "started_on_2": "2024",
        "review_due_on_0": "1",
        "review_due_on_1": "4",
        "review_due_on_2": "2025",
        "annual_objectives": "Reduce smoking\nIntegrated public health programme",
        "notes": "",
        "shares-TOTAL_FORMS": "3",
        "shares-INITIAL_FORMS": "0",
        "shares-0-organisation": council.pk,
        "shares-0-cost_share_percent": council_share,
        "shares-0-accountable_to": "Chief Executive, Shire Council",
        "shares-0-contact_email": "dph@shire.example.org",
        "shares-1-organisation": trust.pk,
        "shares-1-cost_share_percent": trust_share,
        "shares-1-accountable_to": "Chief Executive, Shire NHS Trust",
        "shares-1-contact_email": "",
    }
    return data | fields


def test_register_lists_overdue_and_coming_reviews(
    client, partnership, council, trust, officer, django_assert_max_num_queries
):
    today = timezone.localdate()
    appointment_with_shares(
        partnership,
        (council, "60"),
        (trust, "40"),
        post_title="Director of Public Health",
        review_due_on=today - datetime.timedelta(days=1),
    )
    appointment_with_shares(
        partnership,
        (council, "50"),
        (trust, "50"),
        post_title="Director of Partnerships",
        review_due_on=today + datetime.timedelta(days=30),
    )
    appointment_with_shares(
        partnership,
        (council, "50"),
        (trust, "50"),
        post_title="Head of Community Safety",
        review_due_on=today + datetime.timedelta(days=120),
    )
    client.force_login(officer)

    with django_assert_max_num_queries(8 + VERIFIED_SESSION_QUERIES):
        response = client.get("/partnerships/shire/joint-appointments/")

    page = text_of(response)
    assert response.status_code == 200
    overdue = page.split("Overdue reviews")[1].split("Reviews due in the next 90 days")[0]
    due_soon = page.split("Reviews due in the next 90 days")[1].split("All joint appointments")[0]
    everything = page.split("All joint appointments")[1]
    assert "Director of Public Health Vacant Shire Council: 60% Shire NHS Trust: 40%" in overdue
    assert "Overdue" in overdue
    assert "Director of Partnerships" not in overdue
    assert "Director of Partnerships" in due_soon
    assert "Due soon" in due_soon
    assert "Head of Community Safety" not in due_soon
    for post in ["Director of Public Health", "Director of Partnerships", "Head of Community"]:
        assert post in everything


def test_detail_shows_employers_shares_accountability_and_objectives(
    client, partnership, council, trust, officer
):
    holder = PersonFactory(name="Dr Jane Smith")
    appointment = appointment_with_shares(
        partnership,
        (council, "50"),
        (trust, "50"),
        post_title="Director of Public Health",
        holder=holder,
        started_on=datetime.date(2024, 4, 1),
        review_due_on=datetime.date(2099, 4, 1),
        annual_objectives="Reduce smoking\nIntegrated public health programme",
    )
    JointAppointmentShare.objects.filter(organisation=council).update(
        contact_email="dph@shire.example.org"
    )
    client.force_login(officer)

    page = text_of(client.get(f"/partnerships/shire/joint-appointments/{appointment.pk}/"))

    assert "Holder Dr Jane Smith Started 1 April 2024 Ends No end date" in page
    assert "Review due 1 April 2099" in page
    assert "Memorandum of understanding None uploaded" in page
    assert (
        "Shire Council 50% Chief Executive, Shire Council dph@shire.example.org "
        "Shire NHS Trust 50% Chief Executive, Shire NHS Trust –" in page
    )
    assert "Annual objectives Reduce smoking Integrated public health programme" in page


def test_an_officer_creates_an_appointment_with_its_shares_and_memorandum(
    client, partnership, council, trust, officer
):
    client.force_login(officer)
    data = form_data(council, trust, council_share="60", trust_share="40")
    data["memorandum_of_understanding"] = upload("mou.pdf", pdf_document())

    response = client.post("/partnerships/shire/joint-appointments/new/", data, follow=True)

    appointment = JointAppointment.objects.get()
    assert "Director of Public Health has been saved." in text_of(response)
    assert appointment.partnership == partnership
    assert appointment.review_due_on == datetime.date(2025, 4, 1)
    assert sorted(
        appointment.shares.values_list("organisation__name", "cost_share_percent", "contact_email")
    ) == [
        ("Shire Council", Decimal("60.00"), "dph@shire.example.org"),
        ("Shire NHS Trust", Decimal("40.00"), ""),
    ]
    assert "Download the memorandum of understanding" in text_of(response)
    download = client.get(f"/partnerships/shire/joint-appointments/{appointment.pk}/memorandum/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("name", "content", "stored", "served_as"),
    [
        ("mou.html", pdf_document(), ".pdf", "application/pdf"),
        ("mou.pdf", word_document("Memorandum"), ".docx", "application/vnd.openxmlformats"),
        ("../../mou.svg", pdf_document(), ".pdf", "application/pdf"),
    ],
    ids=["pdf called html", "word called pdf", "pdf with a path"],
)
def test_a_memorandum_is_stored_and_served_as_what_it_holds_whatever_its_name(
    client, partnership, council, trust, officer, name, content, stored, served_as
):
    client.force_login(officer)
    data = form_data(council, trust, council_share="60", trust_share="40")
    data["memorandum_of_understanding"] = upload(name, content)

    client.post("/partnerships/shire/joint-appointments/new/", data)

    appointment = JointAppointment.objects.get()
    assert appointment.memorandum_of_understanding.name.startswith("joint-appointments/mou/mou")
    assert appointment.memorandum_of_understanding.name.endswith(stored)
    download = client.get(f"/partnerships/shire/joint-appointments/{appointment.pk}/memorandum/")
    assert download["Content-Type"].startswith(served_as)
    assert download["Content-Disposition"].endswith(f'{stored}"')
    assert download["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("council_share", "trust_share", "message"),
    [
        ("60", "30", SHARES_MUST_TOTAL_100.format(total="90")),
        ("60", "50", "The employers' shares of cost must add up to 100%; they add up to 110%."),
    ],
)
def test_shares_not_adding_up_to_100_are_refused_and_nothing_is_saved(
    client, partnership, council, trust, officer, council_share, trust_share, message
):
    client.force_login(officer)

    response = client.post(
        "/partnerships/shire/joint-appointments/new/",
        form_data(council, trust, council_share=council_share, trust_share=trust_share),
    )

    assert error_summary(response) == [message]
    assert not JointAppointment.objects.exists()
    assert not JointAppointmentShare.objects.exists()


def test_one_employer_is_refused(client, partnership, council, trust, officer):
    client.force_login(officer)
    data = form_data(council, trust, council_share="100")
    data.update({"shares-1-organisation": "", "shares-1-cost_share_percent": ""})
    data["shares-1-accountable_to"] = ""

    response = client.post("/partnerships/shire/joint-appointments/new/", data)

    assert error_summary(response) == [JOINT_APPOINTMENT_NEEDS_TWO_EMPLOYERS]
    assert not JointAppointment.objects.exists()


def test_an_incomplete_employer_row_is_refused_with_its_row(
    client, partnership, council, trust, officer
):
    client.force_login(officer)

    response = client.post(
        "/partnerships/shire/joint-appointments/new/",
        form_data(council, trust, trust_share="half", **{"shares-1-accountable_to": ""}),
    )

    assert error_summary(response) == [
        "Employer 2: Enter the share of the cost as a number, for example 50 or 33.33.",
        "Employer 2: Enter the post the holder answers to at this body.",
    ]
    assert not JointAppointment.objects.exists()


def test_a_memorandum_that_is_not_a_document_is_refused(
    client, partnership, council, trust, officer
):
    client.force_login(officer)
    data = form_data(council, trust)
    data["memorandum_of_understanding"] = upload("mou.pdf", png_image())

    response = client.post("/partnerships/shire/joint-appointments/new/", data)

    assert error_summary(response) == [
        "The selected file must be a PDF or a Word document (.docx)."
    ]
    assert not JointAppointment.objects.exists()


def test_editing_replaces_the_shares_and_a_bad_edit_changes_nothing(
    client, partnership, council, trust, officer
):
    appointment = appointment_with_shares(
        partnership, (council, "50"), (trust, "50"), post_title="Director of Public Health"
    )
    client.force_login(officer)
    url = f"/partnerships/shire/joint-appointments/{appointment.pk}/edit/"
    form_response = client.get(url)
    form_page = text_of(form_response)
    data = form_data(council, trust, council_share="70", trust_share="20")
    data.update({"post_title": "Director of Public Health and Wellbeing"})
    data.update({"shares-TOTAL_FORMS": "5", "shares-INITIAL_FORMS": "2"})

    refused = client.post(url, data)
    data.update({"shares-1-cost_share_percent": "30"})
    data["memorandum_of_understanding"] = upload("mou.docx", word_document("Memorandum"))
    accepted = client.post(url, data, follow=True)

    assert "Edit Director of Public Health" in form_page
    assert (
        form_response.content.decode().count('name="shares-0-cost_share_percent" value="50"') == 1
    )
    assert error_summary(refused) == [SHARES_MUST_TOTAL_100.format(total="90")]
    assert "Director of Public Health and Wellbeing has been saved." in text_of(accepted)
    appointment.refresh_from_db()
    assert appointment.post_title == "Director of Public Health and Wellbeing"
    assert sorted(appointment.shares.values_list("cost_share_percent", flat=True)) == [
        Decimal("30.00"),
        Decimal("70.00"),
    ]
    download = client.get(f"/partnerships/shire/joint-appointments/{appointment.pk}/memorandum/")
    assert download["Content-Disposition"].startswith("attachment")
    assert ".docx" in download["Content-Disposition"]


def test_the_register_and_memorandum_are_for_officers_of_the_partnership_only(
    client, partnership, council, trust
):
    appointment = appointment_with_shares(partnership, (council, "50"), (trust, "50"))
    appointment.memorandum_of_understanding = upload("mou.pdf", pdf_document())
    appointment.save()
    outsider = UserFactory()
    PersonFactory(
        user=outsider, organisation=OrganisationFactory(), capacity=Person.Capacity.OFFICER
    )
    base = f"/partnerships/shire/joint-appointments/{appointment.pk}/"

    anonymous = client.get(base + "memorandum/")
    client.force_login(outsider)
    responses = [
        client.get(url)
        for url in [
            "/partnerships/shire/joint-appointments/",
            base,
            base + "edit/",
            base + "memorandum/",
            "/partnerships/shire/joint-appointments/new/",
        ]
    ]

    assert anonymous.status_code == 302
    assert [response.status_code for response in responses] == [403] * 5


def test_home_page_shows_an_officer_the_reviews_due(client, partnership, council, trust, officer):
    today = timezone.localdate()
    appointment_with_shares(
        partnership,
        (council, "50"),
        (trust, "50"),
        post_title="Director of Public Health",
        review_due_on=today + datetime.timedelta(days=10),
    )
    appointment_with_shares(
        partnership,
        (council, "50"),
        (trust, "50"),
        post_title="Director of Partnerships",
        review_due_on=today + datetime.timedelta(days=200),
    )
    other = PartnershipFactory()
    appointment_with_shares(other, post_title="Elsewhere", review_due_on=today)
    client.force_login(officer)

    page = text_of(client.get("/"))

    assert "Joint appointment reviews due Director of Public Health – review due" in page
    assert "Director of Partnerships" not in page
    assert "Elsewhere" not in page


def test_demo_cannock_chase_joint_appointments_are_on_the_register(client, demo):
    client.force_login(UserFactory(is_superuser=True))

    page = text_of(client.get(CANNOCK))

    overdue = page.split("Overdue reviews")[1].split("Reviews due in the next")[0]
    for post in ["Director of Partnerships", "Director of Public Health"]:
        assert (
            f"{post} Vacant Cannock Chase District Council: 50% "
            "South Staffordshire Primary Care Trust: 50% 1 October 2007 Overdue" in overdue
        )


def test_demo_director_of_public_health_shows_its_objectives(client, demo):
    appointment = JointAppointment.objects.get(post_title="Director of Public Health")
    client.force_login(UserFactory(is_superuser=True))

    page = text_of(client.get(f"{CANNOCK}{appointment.pk}/"))

    assert "Started 1 October 2006" in page
    assert "Chief Executive, Cannock Chase District Council" in page
    assert "Chief Executive, South Staffordshire PCT" in page
    assert "In charge of waste management and environmental health" in page


def test_organisation_page_shows_its_shares_to_officers_only(
    client, partnership, council, trust, officer
):
    appointment_with_shares(
        partnership,
        (council, "60"),
        (trust, "40"),
        post_title="Director of Public Health",
        started_on=datetime.date(2024, 4, 1),
    )

    public = text_of(client.get(trust.get_absolute_url()))
    client.force_login(officer)
    officers = text_of(client.get(trust.get_absolute_url()))

    assert "Director of Public Health" not in public
    assert (
        "Joint appointments Posts this organisation employs, or employed, jointly with others "
        "Post Holder Share of cost From To Director of Public Health Shire Partnership Vacant "
        "40% 1 April 2024 –" in officers
    )

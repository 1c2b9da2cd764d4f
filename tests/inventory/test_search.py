"""Finding items: fits-within either way round, best fit first, compared with a plain filter."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hjem.db.workspace import Workspace
from hjem.floorplan.categories import CATEGORIES
from hjem.inventory.items import ItemData, create_item
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Status
from hjem.inventory.search import Query, find
from tests.inventory.helpers import available_item, donation


def test_fits_within_either_way_round_best_fit_first(workspace):
    with workspace.session() as session:
        for name, size in [
            ("lille", (80, 40, 50)),
            ("stor", (210, 95, 80)),
            ("passer", (190, 85, 80)),
            ("drejet", (85, 180, 80)),
            ("for dyb", (150, 120, 80)),
        ]:
            available_item(session, donation(name=name, size=size))
    with workspace.session() as session:
        found = find(session, Query(fits=(200, 90), status=Status.AVAILABLE))
    assert [i.name for i in found] == ["passer", "drejet", "lille"]


def test_text_code_category_and_place(workspace):
    with workspace.session() as session:
        sofa = available_item(
            session, donation(name="Sofa, grå", colour="Grå uld", location="Lager A/Zone 1")
        )
        available_item(
            session,
            donation(name="Seng 90", category="seng", size=(90, 200, 50), location="Lager B"),
        )
        code = sofa.code
    with workspace.session() as session:
        assert [i.name for i in find(session, Query(text="uld"))] == ["Sofa, grå"]
        assert [i.code for i in find(session, Query(text=code.lower()))] == [code]
        assert [i.name for i in find(session, Query(category="seng"))] == ["Seng 90"]
        assert [i.name for i in find(session, Query(location="Lager A"))] == ["Sofa, grå"]


items = st.lists(
    st.tuples(
        st.sampled_from(CATEGORIES[:5]),
        # Few sizes, so equal sizes (and the order among them) are common.
        st.sampled_from([40, 60, 90, 120, 200, 240]),
        st.sampled_from([40, 60, 90, 120, 200, 240]),
        st.sampled_from([Status.AVAILABLE, Status.RECEIVED]),
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    items=items,
    space=st.tuples(st.integers(20, 260), st.integers(20, 260)),
    category=st.one_of(st.none(), st.sampled_from(CATEGORIES[:5])),
)
def test_the_fit_query_equals_a_plain_filter(tmp_path_factory, items, space, category):
    workspace = Workspace(f"sqlite:///{tmp_path_factory.mktemp('search') / 'w.sqlite'}")
    with workspace.session() as session:
        made = []
        for i, (slug, w, d, status) in enumerate(items):
            item = create_item(
                session, ItemData(name=f"n{i}", category=slug, width=w, depth=d, height=50), "t"
            )
            if status == Status.AVAILABLE:
                move(session, item, Status.AVAILABLE, "t")
            made.append((item.id, slug, w, d, status))
        session.flush()
        found = [
            i.id
            for i in find(session, Query(fits=space, status=Status.AVAILABLE, category=category))
        ]
    width, depth = space
    expected = [
        (max(w, d), min(w, d), item_id)
        for item_id, slug, w, d, status in made
        if status == Status.AVAILABLE
        and (category is None or slug == category)
        and ((w <= width and d <= depth) or (w <= depth and d <= width))
    ]
    assert found == [
        item_id for *_, item_id in sorted(expected, key=lambda e: (-e[0], -e[1], -e[2]))
    ]
    workspace.close()

"""The donation form's work: an item and its photos kept together, and the item in full."""

import io
from dataclasses import replace

import pytest
from PIL import Image

from hjem.errors import DatabaseProblem
from hjem.inventory.details import item_details
from hjem.inventory.donations import donate, donation_form, edit_donation, place_names
from hjem.inventory.errors import EditConflict
from hjem.inventory.photos import PhotoChanges, process
from tests.inventory.helpers import donation


def _photo(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_donation_keeps_its_photos_in_order_and_an_edit_adds_and_removes_them(workspace):
    red, green, blue = (process(_photo(c)) for c in ((200, 0, 0), (0, 200, 0), (0, 0, 200)))
    code = workspace.run(
        lambda s: donate(s, donation(location="Lager A/Reol 3"), PhotoChanges([red, green]), "Lise")
    )
    data, version, photos = workspace.run(lambda s: donation_form(s, code))
    assert [p[1] for p in photos] == [red.thumbnail, green.thumbnail]
    changes = PhotoChanges(added=[blue], removed=[photos[0][0]])
    workspace.run(lambda s: edit_donation(s, code, version, data, changes, "Ole"))
    _, _, after = workspace.run(lambda s: donation_form(s, code))
    assert [p[1] for p in after] == [green.thumbnail, blue.thumbnail]
    details = workspace.run(lambda s: item_details(s, code))
    assert details.photo == green.display  # the first photo, at display size
    assert details.location == "Lager A/Reol 3"
    assert [e.who for e in details.history][:1] == ["Ole"]  # newest first
    assert workspace.run(place_names) == ["Lager A", "Lager A/Reol 3"]  # each level


def test_an_edit_of_an_item_saved_meanwhile_is_refused_and_its_photos_are_not_kept(workspace):
    code = workspace.run(lambda s: donate(s, donation(), PhotoChanges(), "Lise"))
    data, version, _ = workspace.run(lambda s: donation_form(s, code))
    renamed = replace(data, name="Sofa, blå")
    workspace.run(lambda s: edit_donation(s, code, version, renamed, PhotoChanges(), "Ole"))
    late = PhotoChanges(added=[process(_photo((1, 2, 3)))])
    with pytest.raises(EditConflict):
        workspace.run(lambda s: edit_donation(s, code, version, data, late, "Lise"))
    assert workspace.run(lambda s: donation_form(s, code))[2] == []
    assert not issubclass(EditConflict, DatabaseProblem)  # said as the clash it is

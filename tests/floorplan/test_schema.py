"""docs/plan.schema.json describes what hjem writes, so other tools can rely on it."""

import json

import jsonschema
import pytest

from hjem.floorplan.codec import plan_to_json
from hjem.floorplan.hjemfile import load_plan
from tests.conftest import ROOT
from tests.floorplan.test_hjemfile import rich_plan

SCHEMA = json.loads((ROOT / "docs" / "plan.schema.json").read_text())


@pytest.mark.parametrize("sample", sorted((ROOT / "assets" / "samples").glob("*.hjem")))
def test_the_sample_plans_follow_the_schema(sample):
    jsonschema.validate(plan_to_json(load_plan(sample)), SCHEMA)


def test_a_plan_with_every_kind_of_element_follows_the_schema():
    jsonschema.validate(plan_to_json(rich_plan(), "background.png"), SCHEMA)


def test_the_schema_refuses_what_the_reader_refuses():
    data = plan_to_json(rich_plan())
    data["placements"][0]["width"] = -5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)

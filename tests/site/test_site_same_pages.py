"""A sample of built pages equals the snapshots taken before the build was made faster."""

import pytest
from snapshots import SAMPLE
from snapshots import normalise
from snapshots import snapshot_path

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", SAMPLE)
def test_page_is_unchanged(built_site, name):
    expected = snapshot_path(name).read_text(encoding="utf-8")
    assert normalise(built_site.read(name)) == expected

"""One real Pelican build of content/ for the whole tests/site session."""

import pytest
from sitebuild import BuiltSite
from sitebuild import build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    output = tmp_path_factory.mktemp("site")
    return BuiltSite(output, build(output))

import pytest

from hcc_desk.app import open_context


@pytest.fixture
def demo_ctx(tmp_path):
    ctx = open_context(tmp_path / "desk")
    ctx.setup.create_demo()
    yield ctx
    ctx.close()

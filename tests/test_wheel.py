"""A wheel that serves: `pip install` of the built wheel (not editable) into a fresh virtual environment, then
`careerbot serve` from a folder that is not the source tree, and the chat page and its static files load."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import httpx
import pytest

from careerbot.config import PROJECT_ROOT
from helpers import SHIPPED_CORPUS, careerbot_env, free_port, wait_until_up


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                    str(PROJECT_ROOT)], check=True, capture_output=True, text=True, timeout=600)
    return next(out.glob("careerbot-*.whl"))


def test_the_wheel_carries_the_page(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    web = PROJECT_ROOT / "web"
    expected = {f"careerbot/web/{path.relative_to(web).as_posix()}" for path in web.rglob("*") if path.is_file()}
    assert expected and expected <= names


def test_a_wheel_install_serves_the_page(wheel, shipped_index, tmp_path):
    venv = tmp_path / "venv"
    # The fresh environment sees the installed dependencies (torch and the model are large), not the source tree:
    # careerbot itself comes from the wheel, which is checked below.
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True,
                   capture_output=True, timeout=600)
    where = subprocess.run([str(python), "-c", "import careerbot; print(careerbot.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(venv)), where
    site = tmp_path / "site"  # a user's folder: a corpus and an index, no web/
    shutil.copytree(SHIPPED_CORPUS, site / "corpus")
    shutil.copytree(shipped_index.index_dir, site / "index")
    port = free_port()
    server = subprocess.Popen([str(venv / "bin" / "careerbot"), "serve", "--port", str(port)], cwd=site,
                              env=careerbot_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, server)
        page = httpx.get(f"{url}/", timeout=30)
        assert page.status_code == 200 and "<form" in page.text
        for asset in ("app.js", "style.css", "viewer.js"):
            response = httpx.get(f"{url}/static/{asset}", timeout=30)
            assert response.status_code == 200 and response.text == (PROJECT_ROOT / "web" / "static" / asset) \
                .read_text()
        source = httpx.get(f"{url}/sources/ml-engineer-entry-level.txt", timeout=30)
        assert source.status_code == 200 and "Seattle" in source.text
        asked = httpx.post(f"{url}/ask", json={"question": "What does a machine learning engineer do?"}, timeout=60)
        assert asked.status_code == 200 and asked.json()["found"]
    finally:
        server.terminate()
        server.wait(timeout=30)

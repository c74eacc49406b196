"""The app's wiring: the API docs served from the package, not a CDN (http/app.py)."""


def test_api_docs_work_without_a_cdn(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower()
    assert client.get("/openapi.json").json()["paths"]["/ask"]["post"]

"""The security suite's fixtures reach a live central on both databases."""


def test_enrolled_device_is_known_to_central(central, desk):
    assert desk.http.get("/limits").status_code == 200
    with central.client() as outsider:
        assert outsider.get("/limits").status_code == 401

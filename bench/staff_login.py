"""Log in to the staff pages through the real login form, as a bench's client."""

import re


def logged_in(app, email: str, password: str):
    """A test client with a staff session: the login page's CSRF token, then the form."""
    client = app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    response = client.post("/staff/login", data={"email": email, "password": password,
                                                 "csrf_token": token})
    assert response.status_code == 302, "login failed"
    return client

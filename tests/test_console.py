"""The web console at /console, in headless Chromium against a real server and Postgres.

Every wait is on a condition of the page (Playwright's `expect` polls it) or of the API.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, expect
from starlette.applications import Starlette
from starlette.routing import Mount

from ap_server.console import console_routes
from tests.browser import browser_fixture, page_fixture  # noqa: F401
from tests.conftest import server_on_new_database
from tests.test_docs import links

# How long an expectation about the page may take to come true (it is polled meanwhile).
expect.set_options(timeout=20_000)


@pytest.fixture(autouse=True)
def no_script_errors(request: pytest.FixtureRequest):
    """A browser test fails on any error thrown by the console's scripts. (Failed requests
    are not counted: some tests make the API answer 401, 404 or 409 on purpose.)"""
    page = request.getfixturevalue("page") if "page" in request.fixturenames else None
    yield
    if page is not None:
        assert not [p for p in page.problems if p.startswith("page error")], page.problems


async def open_console(page: Page, base_url: str, route: str = "") -> None:
    await page.goto(f"{base_url}/console{route}")
    await expect(page.locator("main h1")).to_be_visible()


async def start_run_form(page: Page, base_url: str, agent: str, input_: object, **choices: str):
    """Open an agent's page and fill its start-run form (not submitted)."""
    await open_console(page, base_url, f"#/agents/{agent}")
    form = page.locator("form.start-run")
    await form.get_by_label("Input (JSON)").fill(json.dumps(input_))
    for label in choices.values():
        await form.get_by_label(label).check()
    return form


async def shown_event_ids(page: Page) -> list[int]:
    ids = await page.locator("ol.events li").evaluate_all("l => l.map(i => i.dataset.eventId)")
    return [int(text) for text in ids]


async def long_run_on_a_new_thread(http: httpx.AsyncClient) -> tuple[str, dict]:
    """A new thread and a background run on it that goes on until it is stopped."""
    thread_id = (await http.post("/threads", json={})).json()["thread_id"]
    body = {"agent_id": "slow", "thread_id": thread_id, "input": {"steps": 1000, "delay": 1}}
    return thread_id, (await http.post("/runs", json=body)).json()


async def test_console_is_served_from_the_package_alone(http):
    response = await http.get("/console")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assets = [url for url in links(response.text) if not url.startswith(("#", "data:"))]
    assert assets
    for url in assets:
        assert url.startswith(("/console/static/", "/docs")), url  # nothing from elsewhere
        assert (await http.get(url)).status_code == 200, url
    modules = Path(__file__).parent.parent / "server" / "console" / "static" / "js"
    for module in modules.rglob("*.js"):
        assert "http://" not in module.read_text() and "https://" not in module.read_text()
    assert (await http.get("/console/static/js/nothing.js")).status_code == 404


async def test_console_under_a_path_prefix():
    """Mounted under /ap (as a proxy's prefix would), its files are fetched under /ap, and
    the API it calls is the application's root."""
    app = Starlette(routes=[Mount("/ap", routes=console_routes())])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://console.test") as client:
        html = (await client.get("/ap/console")).text
        assert '<meta name="ap-api-root" content="">' in html
        assert '<a href="/docs">API docs</a>' in html
        files = [url for url in links(html) if url.startswith("/") and url != "/docs"]
        assert files and all(url.startswith("/ap/console/static/") for url in files)
        for url in files:
            assert (await client.get(url)).status_code == 200, url
        home = await client.get("/ap/", follow_redirects=False)
        assert home.headers["location"] == "/ap/console"


READ_IN_CHUNKS = """async (text) => {
  const { readEvents } = await import("/console/static/js/sse.js");
  const bytes = new TextEncoder().encode(text);
  const seen = new Set();
  for (let size = 1; size <= bytes.length; size++) {
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
        controller.close();
      },
    });
    const events = [];
    for await (const e of readEvents(new Response(body))) events.push([e.id, e.event, e.data]);
    seen.add(JSON.stringify(events));
  }
  return [...seen].map((events) => JSON.parse(events));
}"""


async def test_the_event_stream_reader_in_the_browser_takes_any_chunking(page, base_url):
    stream = (
        ": heartbeat\r\n\r\n"
        'id: 1\r\nevent: metadata\r\ndata: {"run_id":"r"}\r\n\r\n'
        'id: 2\nevent: values\ndata: {"word":\ndata: "été ☃"}\n\n'
        "id: 3\nevent: end\ndata:null\n\n"
        "id: 4\nevent: partial\ndata: 1\n"  # no blank line: never complete
    )
    await open_console(page, base_url)
    results = await page.evaluate(READ_IN_CHUNKS, stream)
    assert results == [
        [
            ["1", "metadata", {"run_id": "r"}],
            ["2", "values", {"word": "été ☃"}],
            ["3", "end", None],
        ]
    ]


async def test_start_a_run_and_watch_it_stream_to_its_end(page, base_url, http):
    form = await start_run_form(page, base_url, "slow", {"steps": 3, "delay": 0.05})
    await expect(page.get_by_text("Input schema")).to_be_visible()
    await form.get_by_role("button", name="Start run").click()

    await expect(page).to_have_url(re.compile(r"#/runs/[0-9a-f-]{36}$"))
    await expect(page.locator(".stream-state")).to_have_text("Ended: success.")
    await expect(page.locator("#run-status")).to_have_text("success")
    run_id = page.url.rsplit("/", 1)[1]
    ids = await shown_event_ids(page)
    names = await page.locator("ol.events li").evaluate_all("l => l.map(i => i.dataset.event)")
    assert ids == list(range(1, len(ids) + 1))
    assert names[0] == "metadata" and names[-1] == "end"
    assert names.count("updates") == 3 and names.count("values") == 3
    assert (await http.get(f"/runs/{run_id}")).json()["status"] == "success"


async def test_wait_run_on_a_new_thread_with_metadata_then_find_it(page, base_url, http):
    tag = uuid.uuid4().hex
    form = await start_run_form(
        page, base_url, "echo", {"hi": 1}, mode="wait: show the final state"
    )
    await form.get_by_label("New thread's metadata (JSON object)").fill(json.dumps({"tag": tag}))
    await form.get_by_role("button", name="Start run").click()
    result = form.locator(".result")
    await expect(result.get_by_text("success")).to_be_visible()
    await expect(result.locator("pre")).to_contain_text('"echo"')

    await page.get_by_role("link", name="Threads", exact=True).click()
    await page.get_by_label("Metadata contains (JSON object)").fill(json.dumps({"tag": tag}))
    await page.get_by_role("button", name="Search").click()
    rows = page.locator("main table tbody tr")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("idle")
    [thread] = (await http.post("/threads/search", json={"metadata": {"tag": tag}})).json()
    await expect(rows.first).to_contain_text(thread["thread_id"])


async def test_threads_are_searched_by_status_a_page_at_a_time(page, base_url, http):
    tag = uuid.uuid4().hex
    made = [
        (await http.post("/threads", json={"metadata": {"page_tag": tag}})).json()["thread_id"]
        for _ in range(12)
    ]
    query = f"metadata={json.dumps({'page_tag': tag})}&status=idle&limit=10"
    await open_console(page, base_url, f"#/threads?{query}")
    rows = page.locator("main table tbody tr")
    await expect(rows).to_have_count(10)
    first = await rows.locator("a").all_inner_texts()
    await page.get_by_role("link", name="Next page").click()
    await expect(rows).to_have_count(2)
    second = await rows.locator("a").all_inner_texts()
    assert sorted(first + second) == sorted(made)
    await expect(page.get_by_role("link", name="Next page")).to_have_count(0)
    await page.get_by_label("Status").select_option("busy")
    await page.get_by_role("button", name="Search").click()
    await expect(page.get_by_text("No thread matches.")).to_be_visible()


async def test_answer_an_interrupt_and_see_the_answer_in_the_values(page, base_url, http):
    form = await start_run_form(
        page, base_url, "hitl", {"question": "Ship it?"}, mode="wait: show the final state"
    )
    await form.get_by_role("button", name="Start run").click()
    await expect(form.locator(".result").get_by_text("interrupted")).to_be_visible()
    await form.locator(".result").get_by_role("link").nth(1).click()  # the thread

    interrupt = page.locator("fieldset.interrupt")
    await expect(interrupt).to_have_count(1)
    await expect(interrupt).to_contain_text("Ship it?")
    await expect(page.locator("#thread-status")).to_have_text("interrupted")
    await interrupt.get_by_label("Answer", exact=True).fill("yes, ship it")
    await page.get_by_role("button", name="Send answer").click()

    await expect(page.locator("#thread-status")).to_have_text("idle")
    await expect(page.locator("#values-section pre")).to_contain_text('"answer": "yes, ship it"')
    await expect(page.locator("fieldset.interrupt")).to_have_count(0)
    thread_id = page.url.rsplit("/", 1)[1]
    thread = (await http.get(f"/threads/{thread_id}")).json()
    assert thread["values"]["answer"] == "yes, ship it" and thread["status"] == "idle"


async def test_a_json_answer_to_several_interrupts(page, base_url, http):
    thread_id = (await http.post("/threads", json={})).json()["thread_id"]
    await http.post("/runs/wait", json={"agent_id": "hitl2", "thread_id": thread_id})
    await open_console(page, base_url, f"#/threads/{thread_id}")
    interrupts = page.locator("fieldset.interrupt")
    await expect(interrupts).to_have_count(2)
    await interrupts.nth(0).get_by_label("Answer", exact=True).fill('{"n": 12345678901234567890}')
    await interrupts.nth(0).get_by_label("The answer is JSON").check()
    await interrupts.nth(1).get_by_label("Answer", exact=True).fill("second answer")
    await page.get_by_role("button", name="Send answers").click()
    await expect(page.locator("#thread-status")).to_have_text("idle")
    values = (await http.get(f"/threads/{thread_id}")).json()["values"]
    # sent as typed: an integer beyond 2^53 reaches the agent unchanged
    assert values["answers"] == [{"n": 12345678901234567890}, "second answer"]


async def test_a_lost_race_to_answer_shows_the_409(page, base_url, http):
    thread_id = (await http.post("/threads", json={})).json()["thread_id"]
    await http.post("/runs/wait", json={"agent_id": "hitl", "thread_id": thread_id})
    await open_console(page, base_url, f"#/threads/{thread_id}")
    await expect(page.locator("fieldset.interrupt")).to_have_count(1)
    # another client answers first
    won = await http.patch("/runs/resume/wait", json={"thread_id": thread_id, "input": "theirs"})
    assert won.status_code == 200
    await page.locator("fieldset.interrupt").get_by_label("Answer", exact=True).fill("mine")
    await page.get_by_role("button", name="Send answer").click()
    alert = page.locator("form.resume [role=alert]")
    await expect(alert).to_contain_text("409 thread_not_interrupted")
    await expect(page.get_by_text("Another answer was taken first")).to_be_visible()
    await page.get_by_role("button", name="Reload thread").click()
    await expect(page.locator("#values-section pre")).to_contain_text('"answer": "theirs"')


async def test_cancel_a_long_run_and_see_it_end_interrupted_by_the_user(page, base_url, http):
    run = (
        await http.post("/runs", json={"agent_id": "slow", "input": {"steps": 1000, "delay": 1}})
    ).json()
    await open_console(page, base_url, f"#/runs/{run['run_id']}")
    await expect(page.locator("#run-status")).to_have_text("running")
    cancel = page.locator("form.cancel")
    await expect(cancel).to_be_visible()
    await cancel.get_by_role("button", name="Cancel run").click()

    await expect(page.locator("#run-status")).to_have_text("interrupted")
    await expect(page.locator("#run-stop-reason")).to_have_text("user")
    await expect(page.locator(".stream-state")).to_have_text(
        "Ended: interrupted (stop reason: user)."
    )
    await expect(cancel).to_be_hidden()
    ended = (await http.get(f"/runs/{run['run_id']}")).json()
    assert ended["status"] == "interrupted" and ended["stop_reason"] == "user"


async def test_rollback_not_graceful_erases_the_run(page, base_url, http):
    thread_id, run = await long_run_on_a_new_thread(http)
    await open_console(page, base_url, f"#/runs/{run['run_id']}")
    await expect(page.locator("#run-status")).to_have_text("running")
    cancel = page.locator("form.cancel")
    await cancel.get_by_label("rollback: stop it, then erase it and what it wrote").check()
    await cancel.get_by_label(
        "Graceful: tell the agent and let it finish its current step"
    ).uncheck()
    await cancel.get_by_role("button", name="Cancel run").click()
    await expect(page.locator("#run-gone")).to_be_visible()
    assert (await http.get(f"/runs/{run['run_id']}")).status_code == 404
    assert (await http.get(f"/threads/{thread_id}")).json()["status"] == "idle"


async def test_a_reload_during_a_stream_continues_it_without_a_gap(page, base_url, http):
    rejoins: list[str | None] = []
    page.on(
        "request",
        lambda request: (
            rejoins.append(request.headers.get("last-event-id"))
            if request.url.endswith("/stream") and request.method == "GET"
            else None
        ),
    )
    form = await start_run_form(page, base_url, "slow", {"steps": 12, "delay": 0.25})
    await form.get_by_role("button", name="Start run").click()
    await expect(page).to_have_url(re.compile(r"#/runs/[0-9a-f-]{36}$"))
    await expect(page.locator("ol.events li[data-event=values]")).not_to_have_count(0)
    before = await shown_event_ids(page)
    names = await page.locator("ol.events li").evaluate_all("l => l.map(i => i.dataset.event)")
    assert "end" not in names

    await page.reload()
    await expect(page.locator(".stream-state")).to_have_text("Ended: success.")
    after = await shown_event_ids(page)
    assert after == list(range(1, len(after) + 1)), after  # contiguous, none twice
    assert after[: len(before)] == before
    # it rejoined from where it was, not from the start
    assert rejoins and rejoins[0] is not None and int(rejoins[0]) >= before[-1]
    run_id = page.url.rsplit("/", 1)[1]
    async with http.stream("GET", f"/runs/{run_id}/stream", headers={"Last-Event-ID": "0"}) as r:
        stored = [line async for line in r.aiter_lines() if line.startswith("id: ")]
    assert len(stored) == len(after)
    assert (await http.get(f"/runs/{run_id}")).json()["status"] == "success"


async def test_thread_edit_history_copy_and_delete(page, base_url, http):
    thread_id = (await http.post("/threads", json={"metadata": {"who": "ann"}})).json()["thread_id"]
    await http.post("/runs/wait", json={"agent_id": "echo", "thread_id": thread_id, "input": "hi"})
    await open_console(page, base_url, f"#/threads/{thread_id}")
    checkpoints = page.locator("ol.timeline li.checkpoint")
    await expect(checkpoints).to_have_count(1)
    await expect(checkpoints.first.get_by_role("link")).to_have_count(1)  # the run

    edit = page.locator("form.edit-state")
    await edit.get_by_label("Values to merge into the state (JSON object)").fill(
        '{"topic": "weather"}'
    )
    await edit.get_by_role("button", name="Save (a new checkpoint)").click()
    await expect(page.locator("#values-section pre")).to_contain_text('"topic": "weather"')
    await expect(checkpoints).to_have_count(2)
    await expect(checkpoints.first).to_contain_text("none (an edit)")
    assert (await http.get(f"/threads/{thread_id}")).json()["values"] == {
        "echo": "hi",
        "topic": "weather",
    }

    await page.get_by_role("button", name="Copy thread").click()
    await expect(page).not_to_have_url(re.compile(thread_id))
    copy_id = page.url.rsplit("/", 1)[1]
    await expect(page.locator("#values-section pre")).to_contain_text('"topic": "weather"')
    assert (await http.get(f"/threads/{copy_id}")).json()["values"]["topic"] == "weather"

    await page.get_by_role("button", name="Delete thread…").click()
    await page.get_by_role("button", name="Delete it").click()
    await expect(page).to_have_url(re.compile(r"#/threads$"))
    assert (await http.get(f"/threads/{copy_id}")).status_code == 404
    assert (await http.get(f"/threads/{thread_id}")).status_code == 200


async def test_store_put_browse_and_delete(page, base_url, http):
    label = f"ns-{uuid.uuid4().hex[:8]}"
    await open_console(page, base_url, "#/store")
    put = page.locator("form.put-item")
    await put.get_by_label("Namespace").fill(f"{label}/prefs")
    await put.get_by_label("Key").fill("units")
    await put.get_by_label("Value (JSON object)").fill('{"temp": "C"}')
    await put.get_by_role("button", name="Put").click()

    await expect(page.get_by_role("link", name=f"{label} / prefs")).to_be_visible()
    items = page.locator("main table tbody tr")
    await expect(items).to_have_count(1)
    await expect(items.first).to_contain_text('"temp": "C"')
    params = {"namespace": [label, "prefs"], "key": "units"}
    assert (await http.get("/store/items", params=params)).json()["value"] == {"temp": "C"}

    await page.get_by_role("button", name="Edit units").click()
    await expect(put.get_by_label("Key")).to_have_value("units")
    await put.get_by_label("Value (JSON object)").fill('{"temp": "F"}')
    await put.get_by_role("button", name="Put").click()
    await expect(items.first).to_contain_text('"temp": "F"')
    assert (await http.get("/store/items", params=params)).json()["value"] == {"temp": "F"}

    await page.get_by_role("button", name="Delete units").click()
    await expect(page.get_by_text("No items here.")).to_be_visible()
    assert (await http.get("/store/items", params=params)).status_code == 404


async def test_each_owner_sees_only_their_own_threads(page, postgres_url, tmp_path):
    keys = {"alice": uuid.uuid4().hex, "bob": uuid.uuid4().hex}
    env = {"AP_API_KEYS": ",".join(f"{owner}={key}" for owner, key in keys.items())}
    async with server_on_new_database(postgres_url, tmp_path / "server.log", **env) as server:
        threads = {}
        async with httpx.AsyncClient(base_url=server.base_url) as client:
            for owner, key in keys.items():
                headers = {"authorization": f"Bearer {key}"}
                made = await client.post(
                    "/threads", json={"metadata": {"o": owner}}, headers=headers
                )
                threads[owner] = made.json()["thread_id"]

        await open_console(page, server.base_url, "#/threads")
        await expect(page.locator("main [role=alert]")).to_contain_text("401 unauthorized")
        await expect(page.get_by_text("This server needs an API key")).to_be_visible()

        await page.locator("#api-key").fill(keys["bob"])
        await page.get_by_role("button", name="Use key").click()
        rows = page.locator("main table tbody tr")
        await expect(rows).to_have_count(1)
        await expect(rows.first).to_contain_text(threads["bob"])
        await expect(page.get_by_text(threads["alice"])).to_have_count(0)
        # the key stays for this tab (session storage), across a reload
        await page.reload()
        await expect(rows).to_have_count(1)
        await expect(rows.first).to_contain_text(threads["bob"])

        await page.goto(f"{server.base_url}/console#/threads/{threads['alice']}")
        await expect(page.locator("main [role=alert]")).to_contain_text("404")

        await page.get_by_role("button", name="Forget").click()
        await page.locator("#api-key").fill(keys["alice"])
        await page.get_by_role("button", name="Use key").click()
        await expect(page.locator("#thread-status")).to_have_text("idle")
        await page.get_by_role("link", name="Threads", exact=True).click()
        await expect(rows).to_have_count(1)
        await expect(rows.first).to_contain_text(threads["alice"])


async def test_a_run_enqueued_on_a_busy_thread_from_the_thread_page(page, base_url, http):
    thread_id, busy = await long_run_on_a_new_thread(http)
    await open_console(page, base_url, f"#/threads/{thread_id}")
    await expect(page.locator("#thread-status")).to_have_text("busy")
    await expect(page.get_by_role("link", name="Watch the active run")).to_have_attribute(
        "href", f"#/runs/{busy['run_id']}"
    )
    await page.get_by_role("link", name="Start a run on this thread").click()
    await page.get_by_role("link", name="echo", exact=True).click()
    form = page.locator("form.start-run")
    await expect(form.get_by_role("radio", name="an existing thread")).to_be_checked()
    await expect(form.get_by_label("Thread id (for an existing thread)")).to_have_value(thread_id)
    await form.get_by_label("Input (JSON)").fill('"queued"')
    await form.get_by_label("background: return at once").check()
    await form.get_by_label("Multitask strategy (if the thread is busy)").select_option("enqueue")
    await form.get_by_role("button", name="Start run").click()

    await expect(page).to_have_url(re.compile(r"#/runs/[0-9a-f-]{36}$"))
    await expect(page.locator("#run-status")).to_have_text("pending")
    assert (await http.post(f"/runs/{busy['run_id']}/cancel")).status_code == 204
    await expect(page.locator(".stream-state")).to_have_text("Ended: success.")
    await expect(page.locator("#run-status")).to_have_text("success")
    assert (await http.get(f"/threads/{thread_id}")).json()["values"]["echo"] == "queued"


async def test_runs_are_searched_by_status_agent_and_metadata(page, base_url, http):
    tag = uuid.uuid4().hex
    body = {"agent_id": "slow", "input": {"steps": 1000, "delay": 1}, "metadata": {"tag": tag}}
    run = (await http.post("/runs", json=body)).json()
    done = await http.post("/runs/wait", json={"agent_id": "echo", "metadata": {"tag": tag}})
    assert done.json()["run"]["status"] == "success"
    await open_console(page, base_url, "#/threads")
    await page.get_by_role("link", name="Runs", exact=True).click()
    await page.get_by_label("Metadata contains (JSON object)").fill(json.dumps({"tag": tag}))
    await page.get_by_role("button", name="Search").click()
    rows = page.locator("main table tbody tr")
    await expect(rows).to_have_count(2)
    await page.get_by_label("Status").select_option("running")
    await page.get_by_label("Agent").fill("slow")
    await page.get_by_role("button", name="Search").click()
    await expect(rows).to_have_count(1)
    await rows.first.get_by_role("link", name=run["run_id"][:8]).click()
    await expect(page).to_have_url(re.compile(f"#/runs/{run['run_id']}$"))
    await expect(page.locator("#run-status")).to_have_text("running")
    assert (
        await http.post(f"/runs/{run['run_id']}/cancel", params={"wait": "true"})
    ).status_code == 204
    await expect(page.locator("#run-status")).to_have_text("interrupted")

"""Screenshots of the console's main views for the README (docs/console/*.png).

    python docs/console/screenshots.py --base-url http://127.0.0.1:2024

It needs a server with the example agents (an open one: no API keys), writes a little
demo data through the API (threads, runs, an interrupted thread, a store item), and
photographs each view in headless Chromium (the system's, as in tests/browser.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from urllib.parse import quote

import httpx
from playwright.async_api import Page, async_playwright, expect

HERE = Path(__file__).parent


async def demo_data(http: httpx.AsyncClient) -> dict[str, str]:
    async def thread(metadata: dict) -> str:
        return (await http.post("/threads", json={"metadata": metadata})).json()["thread_id"]

    weather = await thread({"user": "ann", "topic": "weather"})
    await http.patch(f"/threads/{weather}", json={"values": {"city": "Lisbon"}})
    stream = {"agent_id": "slow", "thread_id": weather, "input": {"steps": 3, "delay": 0.1}}
    async with http.stream(
        "POST", "/runs/stream", json={**stream, "stream_mode": ["updates", "values"]}
    ) as r:
        lines = [line async for line in r.aiter_lines()]
    run_id = next(line for line in lines if line.startswith('data: {"run_id"')).split('"')[3]
    # a run stopped by a cancel, and one that failed
    long = {"agent_id": "slow", "thread_id": weather, "input": {"steps": 99}}
    stopped = (await http.post("/runs", json=long)).json()["run_id"]
    async with http.stream("GET", f"/runs/{stopped}/stream", headers={"Last-Event-ID": "0"}) as r:
        async for line in r.aiter_lines():
            if line.startswith("event: values"):  # a step done
                break
    await http.post(f"/runs/{stopped}/cancel", params={"wait": "true"})
    failing = {"agent_id": "fail", "thread_id": weather, "input": {"message": "no forecast"}}
    await http.post("/runs/wait", json=failing)
    review = await thread({"user": "ann", "topic": "release"})
    await http.post(
        "/runs/wait",
        json={
            "agent_id": "hitl",
            "thread_id": review,
            "input": {"question": "Ship release 1.4 today?"},
        },
    )
    for user in ("bob", "carol"):
        await http.post(
            "/runs/wait",
            json={
                "agent_id": "echo",
                "thread_id": await thread({"user": user}),
                "input": {"hello": user},
            },
        )
    await http.put(
        "/store/items",
        json={
            "namespace": ["ann", "prefs"],
            "key": "units",
            "value": {"temp": "C", "distance": "km"},
        },
    )
    await http.put(
        "/store/items",
        json={"namespace": ["ann", "prefs"], "key": "language", "value": {"code": "pt-PT"}},
    )
    await http.put(
        "/store/items",
        json={"namespace": ["bob", "memories"], "key": "m1", "value": {"text": "likes trains"}},
    )
    return {"weather": weather, "review": review, "run": run_id}


async def shoot(page: Page, base_url: str, route: str, name: str, ready: str) -> None:
    await page.goto(f"{base_url}/console{route}")
    await expect(page.locator(ready).first).to_be_visible()
    await page.screenshot(path=HERE / f"{name}.png")
    print(HERE / f"{name}.png")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:2024")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    base = args.base_url
    async with (
        httpx.AsyncClient(base_url=base, timeout=30) as http,
        async_playwright() as playwright,
    ):
        ids = await demo_data(http)
        browser = await playwright.chromium.launch(executable_path=args.chromium)
        page = await browser.new_page(viewport={"width": 1280, "height": 860})
        await shoot(page, base, "#/agents/slow", "agent", "form.start-run")
        ann = quote(json.dumps({"user": "ann"}))
        await shoot(page, base, f"#/threads?metadata={ann}", "threads", "main table")
        await shoot(page, base, f"#/threads/{ids['review']}", "interrupt", "fieldset.interrupt")
        await shoot(page, base, f"#/threads/{ids['weather']}", "thread", "ol.timeline li")
        await page.locator("#history-section").scroll_into_view_if_needed()
        await page.locator("ol.timeline li details summary").first.click()
        await page.screenshot(path=HERE / "history.png")
        await shoot(page, base, f"#/runs/{ids['run']}", "run", "li[data-event=end]")

        # a run going on: its stream live, and the cancel form
        body = {"agent_id": "slow", "thread_id": ids["weather"], "input": {"steps": 99}}
        live = (await http.post("/runs", json={**body, "stream_mode": ["updates"]})).json()
        await page.goto(f"{base}/console#/runs/{live['run_id']}")
        await expect(page.locator("li[data-event=updates]")).to_have_count(3, timeout=20_000)
        await page.screenshot(path=HERE / "run-live.png")
        await http.post(f"/runs/{live['run_id']}/cancel", params={"wait": "true"})

        ns = quote(json.dumps(["ann", "prefs"]))
        await shoot(page, base, f"#/store?ns={ns}", "store", "main table")
        await browser.close()


if __name__ == "__main__":
    asyncio.run(main())

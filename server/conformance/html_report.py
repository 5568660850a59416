"""The report as one self-contained HTML page (no external assets): the summary, a table
of the checks with their rule, and for each failure the request, the answer and the rule."""

from __future__ import annotations

import html
import json
from pathlib import Path

from .report import FAIL, PASS, SKIP, Report, Result, seconds

_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{background:#1d2430;color:#fff;padding:20px 32px}
header h1{margin:0 0 4px;font-size:20px}header p{margin:0;color:#b8c0cc;font-size:13px}
main{padding:20px 32px;max-width:1200px}
.counts{display:flex;gap:12px;margin:0 0 18px}
.count{background:#fff;border-radius:8px;padding:10px 16px;box-shadow:0 1px 2px #0001;min-width:90px}
.count b{display:block;font-size:22px}.count.pass b{color:#15803d}.count.fail b{color:#b91c1c}.count.skip b{color:#a16207}
table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 2px #0001;border-radius:8px;overflow:hidden}
th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #eceef2;vertical-align:top}
th{background:#eef0f4;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#556}
td.time{white-space:nowrap;text-align:right;color:#667}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600}
.badge.pass{background:#dcfce7;color:#166534}.badge.fail{background:#fee2e2;color:#991b1b}.badge.skip{background:#fef9c3;color:#854d0e}
.rule{color:#667;font-size:13px}.group td{background:#f9fafb;font-weight:600;color:#445}
details{margin:6px 0 2px}summary{cursor:pointer;color:#1d4ed8}
pre{background:#0f172a;color:#e2e8f0;padding:10px 12px;border-radius:6px;overflow:auto;font-size:12.5px;white-space:pre-wrap;word-break:break-word}
.k{color:#667;font-size:12px;text-transform:uppercase;margin-top:8px}
footer{padding:16px 32px;color:#889;font-size:12px}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _failure(result: Result) -> str:
    parts = [f"<div>{_e(result.message)}</div>"]
    if exchange := result.exchange:
        headers = "".join(f"\n{k}: {v}" for k, v in exchange.get("request_headers", {}).items())
        request = f"{exchange['method']} {exchange['url']}{headers}"
        if exchange.get("request_body"):
            request += "\n\n" + exchange["request_body"]
        status = exchange["status"] if exchange["status"] is not None else "(no response)"
        answer = f"{status}\n\n{exchange.get('response_body') or ''}".rstrip()
        parts.append(
            "<details open><summary>request and answer</summary>"
            f"<div class=k>request</div><pre>{_e(request)}</pre>"
            f"<div class=k>answer</div><pre>{_e(answer)}</pre></details>"
        )
    return "".join(parts)


def render_html(report: Report) -> str:
    counts = report.summary()
    rows: list[str] = []
    group = None
    for result in report.results:
        if result.group != group:
            group = result.group
            rows.append(f"<tr class=group><td colspan=4>{_e(group)}</td></tr>")
        detail = _failure(result) if result.status == FAIL else _e(result.message)
        rule = f"<div class=rule>{_e(result.rule)}</div>" if result.rule else ""
        rows.append(
            f'<tr id="{_e(result.name)}"><td>{_e(result.name)}{rule}</td>'
            f'<td><span class="badge {result.status}">{_e(result.status)}</span></td>'
            f"<td class=time>{_e(seconds(result.duration))}</td><td>{detail}</td></tr>"
        )
    verdict = "failed" if report.failed else "passed"
    boxes = "".join(
        f'<div class="count {cls}"><b>{counts[key]}</b>{label}</div>'
        for cls, key, label in (
            ("", "total", "checks"),
            (PASS, "passed", "passed"),
            (FAIL, "failed", "failed"),
            (SKIP, "skipped", "skipped"),
        )
    )
    data = json.dumps(report.to_dict(), ensure_ascii=False).replace("</", "<\\/")
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width,initial-scale=1">'
        f"<title>{_e(report.title)} conformance: {verdict}</title><style>{_STYLE}</style></head>"
        f"<body><header><h1>{_e(report.title)} conformance of {_e(report.base_url)}</h1>"
        f"<p>{_e(report.started_at)} · {_e(seconds(report.duration))} · "
        f"contract: {_e(', '.join(report.agents) or 'none')}</p></header><main>"
        f"<div class=counts>{boxes}</div>"
        "<table><thead><tr><th>check and rule</th><th>result</th><th>time</th>"
        f"<th>detail</th></tr></thead><tbody>{''.join(rows)}</tbody></table></main>"
        "<footer>ap-server conformance kit · the JSON report is embedded in this page "
        "(script#report)</footer>"
        f'<script type="application/json" id=report>{data}</script></body></html>\n'
    )


def write_html(report: Report, path: Path) -> None:
    path.write_text(render_html(report), encoding="utf-8")

"""Targets, the printed table (also pasted into the README) and the JSON files."""

import json
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

# workload -> (what the issue asks, check(entry) -> met?)
TARGETS = {
    "download_small": ("≥4x faster than SDK download_project", lambda e: _ge(e.get("sdk_over_ours"), 4.0)),
    "upload_small": ("≥3x faster than SDK upload_files", lambda e: _ge(e.get("sdk_over_ours"), 3.0)),
    "download_large": ("≥0.8x curl throughput", lambda e: _ge(e.get("ours_throughput_vs_curl"), 0.8)),
    "upload_large": (
        "≥0.8x curl multipart throughput, peak RSS <100 MB",
        lambda e: (
            _ge(e.get("ours_throughput_vs_curl"), 0.8)
            and e.get("ours_peak_rss_mb") is not None
            and e["ours_peak_rss_mb"] < 100
        ),
    ),
    "redownload": (
        "no content transferred, ≥10x faster than SDK 2nd run",
        lambda e: e.get("ours_file_gets_200") == 0 and _ge(e.get("sdk_over_ours"), 10.0),
    ),
    "list_files": ("one paged stream; report s and requests", None),
    "list_projects": ("one paged stream; report s and requests", None),
    "gui_stall": ("largest GUI stall <50 ms", lambda e: e.get("max_gap_ms") is not None and e["max_gap_ms"] < 50),
}


def _link_targets(max_small: float, sdk_small: float) -> Dict[str, Tuple[str, Any]]:
    """The targets on an emulated link, against its physical limit (`ours_over_link_limit`)."""

    def within(bound: float):
        return lambda e: _le(e.get("ours_over_link_limit"), bound)

    return {
        "download_small": (
            f"≤{max_small:g}x the link's limit, ≥{sdk_small:g}x faster than SDK",
            lambda e: within(max_small)(e) and _ge(e.get("sdk_over_ours"), sdk_small),
        ),
        "upload_small": ("≤1.3x the link's limit", within(1.3)),
        "download_large": ("≤1.05x the link's limit", within(1.05)),
        "upload_large": ("≤1.05x the link's limit", within(1.05)),
        "list_files": ("≤1.2x the link's limit", within(1.2)),
        "redownload": ("no content transferred", lambda e: e.get("ours_file_gets_200") == 0),
        "list_projects": ("report s and requests", None),
    }


# the targets per named link; a link given by its figures gets the 50 ms ones
LINK_TARGETS = {"50ms": _link_targets(1.5, 8.0), "150ms": _link_targets(2.0, 12.0)}


def _ge(value: Optional[float], bound: float) -> bool:
    return value is not None and value >= bound


def _le(value: Optional[float], bound: float) -> bool:
    return value is not None and value <= bound


def verdict(name: str, entry: Dict[str, Any], link: str = "") -> Tuple[str, str]:
    targets = (LINK_TARGETS.get(link) or LINK_TARGETS["50ms"]) if link else TARGETS
    target, check = targets.get(name, ("", None))
    if check is None:
        return target, "report"
    return target, "MET" if check(entry) else "missed"


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}g}" if abs(value) < 1000 else f"{value:.0f}"
    return str(value)


def _seconds(entry: Dict[str, Any], side: str) -> str:
    if entry.get(f"{side}_timed_out"):
        return f">{_fmt(entry.get('budget_s'))} (stopped)"
    return _fmt(entry.get(f"{side}_s"))


def _ratio_cell(name: str, entry: Dict[str, Any]) -> str:
    if "ours_over_link_limit" in entry:  # on an emulated link: against what the link allows
        versus_sdk = entry.get("sdk_over_ours")
        return "{}x the link's limit ({} s){}".format(
            _fmt(entry["ours_over_link_limit"], 3),
            _fmt(entry["link_limit_s"]),
            ", {}x vs SDK".format(_fmt(versus_sdk, 3)) if versus_sdk is not None else "",
        )
    if "ours_throughput_vs_curl" in entry:
        return f"{_fmt(entry['ours_throughput_vs_curl'], 2)}x curl"
    if name == "gui_stall":
        return f"max gap {_fmt(entry.get('max_gap_ms'))} ms"
    if entry.get("ours_timed_out") and entry.get("sdk_timed_out"):
        return "both stopped"
    if entry.get("sdk_over_ours") is not None:
        bound = "≤" if entry.get("ours_timed_out") else "≥" if entry.get("sdk_timed_out") else ""
        return f"{bound}{_fmt(entry['sdk_over_ours'], 3)}x vs SDK"
    return ""


def _requests_cell(entry: Dict[str, Any]) -> str:
    ours, sdk = entry.get("ours_requests"), entry.get("sdk_requests")
    if ours is None and sdk is None:
        return ""
    return f"{_fmt(ours)} / {_fmt(sdk)}"


# the other steps of a workload, beside ours, the SDK and the limit (curl)
ALSO_MEASURED = {
    "ours_4_at_once_s": "ours 4 at once",
    "curl_sequential_s": "curl sequential",
    "copy_s": "cp",
}


def _also_cell(entry: Dict[str, Any]) -> str:
    return ", ".join(f"{label} {_fmt(entry[key])} s" for key, label in ALSO_MEASURED.items() if key in entry)


def markdown_table(results: Dict[str, Dict[str, Any]], link: str = "") -> str:
    lines = [
        "| workload | ours s | SDK s | limit s | ratio (median of pairs) | also measured | ours / SDK peak RSS MB "
        "| requests ours / SDK | target | status |",
        "| --- | ---: | ---: | ---: | --- | --- | ---: | ---: | --- | --- |",
    ]
    for name, entry in results.items():
        target, status = verdict(name, entry, link)
        lines.append(
            f"| {name} | {_seconds(entry, 'ours')} | {_seconds(entry, 'sdk')} | {_fmt(entry.get('limit_s'))} "
            f"| {_ratio_cell(name, entry)} | {_also_cell(entry)} | {_fmt(entry.get('ours_peak_rss_mb'))} / "
            f"{_fmt(entry.get('sdk_peak_rss_mb'))} | {_requests_cell(entry)} | {target} | {status} |"
        )
    return "\n".join(lines)


def write_json(path: Path, data: Dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=False, default=str) + "\n", encoding="utf-8")

#!/usr/bin/env python3
"""Run a follisim scenario on a `follisim serve` server, using only the Python standard library.

    npx follisim serve &                      # http://127.0.0.1:8080
    python3 follisim_client.py scenario.yaml --seed 1 --out results/

Validates the scenario (issues carry line numbers), submits it, polls the job until it finishes, then prints
the summary and saves every result file (the folder `follisim run` writes) under --out.
"""
import argparse
import io
import json
import sys
import time
import urllib.error
import urllib.request
import zipfile


class FollisimError(Exception):
    """An API error: HTTP status, stable code and message (see /api/openapi.json)."""

    def __init__(self, status, body):
        err = body.get("error", {}) if isinstance(body, dict) else {}
        self.status, self.code, self.body = status, err.get("code", "?"), body
        super().__init__(f"HTTP {status} {self.code}: {err.get('message', body)}")


class Client:
    """A thin client of the follisim HTTP API."""

    def __init__(self, base="http://127.0.0.1:8080"):
        self.base = base.rstrip("/")

    def _request(self, method, path, body=None, raw=False):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method, headers={"content-type": "application/json"} if data else {})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                payload = r.read()
        except urllib.error.HTTPError as e:
            text = e.read()
            try:
                raise FollisimError(e.code, json.loads(text)) from None
            except ValueError:
                raise FollisimError(e.code, text.decode(errors="replace")) from None
        return payload if raw else json.loads(payload)

    def validate(self, scenario):
        """{'ok': bool, 'issues': [...], 'task': ..., 'estimate': {...}}; scenario is YAML/JSON text or a dict."""
        return self._request("POST", "/api/validate", {"scenario": scenario})

    def submit(self, scenario, seed=None):
        """Queues a run; returns the job status (its 'id' names the job)."""
        body = {"scenario": scenario}
        if seed is not None:
            body["seed"] = seed
        return self._request("POST", "/api/jobs", body)

    def status(self, job_id):
        return self._request("GET", f"/api/jobs/{job_id}")

    def wait(self, job_id, poll=0.25, timeout=3600, on_progress=None):
        """Polls until the job is final; returns its last status."""
        t0 = time.time()
        while True:
            s = self.status(job_id)
            if on_progress:
                on_progress(s)
            if s["state"] in ("succeeded", "failed", "cancelled"):
                return s
            if time.time() - t0 > timeout:
                raise TimeoutError(f"job {job_id} still {s['state']} after {timeout} s")
            time.sleep(poll)

    def cancel(self, job_id):
        return self._request("DELETE", f"/api/jobs/{job_id}")

    def summary(self, job_id):
        return self._request("GET", f"/api/jobs/{job_id}/summary")

    def table_csv(self, job_id, name):
        """One result table as CSV text (e.g. 'timeseries', 'arms-by-day')."""
        return self._request("GET", f"/api/jobs/{job_id}/tables/{name}.csv", raw=True).decode()

    def table_parquet(self, job_id, name, path=None):
        """One result table as Apache Parquet bytes (units in its key-value metadata); saved to `path` when given.
        Reading it needs a Parquet reader (pandas.read_parquet, pyarrow, duckdb, polars); fetching it does not."""
        data = self._request("GET", f"/api/jobs/{job_id}/tables/{name}.parquet", raw=True)
        if path:
            with open(path, "wb") as f:
                f.write(data)
        return data

    def files(self, job_id):
        """Every result file, name -> bytes (the folder `follisim run` writes)."""
        z = zipfile.ZipFile(io.BytesIO(self._request("GET", f"/api/jobs/{job_id}/download", raw=True)))
        return {n: z.read(n) for n in z.namelist()}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("scenario", help="scenario file (YAML or JSON)")
    p.add_argument("--server", default="http://127.0.0.1:8080")
    p.add_argument("--seed", type=int)
    p.add_argument("--out", help="folder to write the result files into")
    p.add_argument("--parquet", action="store_true", help="with --out: also write each result table as <name>.parquet")
    a = p.parse_args(argv)
    with open(a.scenario, encoding="utf-8") as f:
        text = f.read()
    c = Client(a.server)
    v = c.validate(text)
    if not v["ok"]:
        for i in v["issues"]:
            print(f"{a.scenario}:{i.get('line', '?')}: {i['path']}: {i['message']}", file=sys.stderr)
        return 2
    job = c.submit(text, a.seed)
    print(f"job {job['id']} ({job['task']}), estimated {v['estimate']['seconds']:.1f} s of work", file=sys.stderr)
    last = [-1]

    def show(s):
        pct = int(s["progress"]["fraction"] * 100)
        if pct != last[0]:
            last[0] = pct
            print(f"  {s['state']:9} {pct:3d} % {s['progress']['stage']}", file=sys.stderr)

    done = c.wait(job["id"], on_progress=show)
    if done["state"] != "succeeded":
        print(f"job {done['state']}: {done.get('error')}", file=sys.stderr)
        return 1
    summary = c.summary(job["id"])
    print(json.dumps({"job": job["id"], "seed": done["seed"], "files": len(done["files"]), "summary": {k: v for k, v in summary.items() if not isinstance(v, (dict, list))}}, indent=2))
    if a.out:
        import os

        for name, data in c.files(job["id"]).items():
            path = os.path.join(a.out, *name.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
        print(f"wrote {len(done['files'])} files to {a.out}", file=sys.stderr)
        if a.parquet:
            for name in done["tables"]:
                c.table_parquet(job["id"], name, os.path.join(a.out, f"{name}.parquet"))
            print(f"wrote {len(done['tables'])} Parquet tables to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

// npm run bench:approve -- --data <IDX folder> [--source-split NAME] [--count 200] [--url http://localhost:3000]
// The learning loop tried as users and an admin would, against a running instance: uploads `count` labelled
// handwritten characters through POST /api/predict (dark ink on white, as a page sends them), then signs in
// as ADMIN_USERNAME / ADMIN_PASSWORD and approves each reading that was right and relabels each that was
// not, through GraphQL. With RETRAIN_AFTER at or below `count`, the worker starts a fine-tune; the models
// page shows it. Prints how many were read right and how long each part took.
import { parseArgs } from "node:util";
import { readSplit } from "../../lib/datasets/idx";
import { encodeGreyPng } from "../../lib/image/png";
import { classSet } from "../../lib/models/classsets";

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    "source-split": { type: "string" },
    split: { type: "string", default: "train" },
    count: { type: "string", default: "200" },
    url: { type: "string", default: "http://localhost:3000" },
    "class-set": { type: "string", default: "balanced47" },
  },
});

async function signIn(url: string): Promise<string> {
  const password = process.env.ADMIN_PASSWORD;
  if (!password) throw new Error("set ADMIN_PASSWORD (and ADMIN_USERNAME unless it is admin) to the instance's admin account");
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: process.env.ADMIN_USERNAME ?? "admin", password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get("set-cookie")!.split(";")[0];
}

async function graphql(url: string, cookie: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${url}/api/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors[0].message}`);
}

async function main() {
  if (!values.data) throw new Error("usage: npm run bench:approve -- --data <IDX folder> [--source-split NAME] [--count 200] [--url URL]");
  const url = values.url!.replace(/\/$/, "");
  const count = Number(values.count);
  const set = classSet(values["class-set"]!);
  const data = readSplit(values.data, values.split as "train" | "test", values["source-split"]);
  const picked = data.images.map((image, i) => ({ image, label: set.labels[set.indexOf(data.chars[i]) ?? -1] })).filter((s) => s.label).slice(0, count);
  if (picked.length < count) throw new Error(`${values.data} has only ${picked.length} images of class set ${set.name}`);

  const uploadStart = performance.now();
  const uploads: { id: number; predicted: string; truth: string }[] = [];
  for (const { image, label } of picked) {
    const form = new FormData();
    // EMNIST-style images are light ink on black; a page sends dark ink on white paper.
    const png = encodeGreyPng(image.map((v) => 255 - v), 28, 28);
    form.append("image", new Blob([new Uint8Array(png)], { type: "image/png" }), "char.png");
    const res = await fetch(`${url}/api/predict`, { method: "POST", body: form });
    if (!res.ok) throw new Error(`upload ${uploads.length + 1} failed: ${res.status} ${await res.text()}`);
    const answer = (await res.json()) as { id: number; label: string };
    uploads.push({ id: answer.id, predicted: answer.label, truth: label });
  }
  const uploadS = (performance.now() - uploadStart) / 1000;

  const cookie = await signIn(url);
  const reviewStart = performance.now();
  for (const u of uploads) {
    if (u.predicted === u.truth) await graphql(url, cookie, "mutation($id: ID!) { approveSample(id: $id, version: 0) { id } }", { id: String(u.id) });
    else await graphql(url, cookie, "mutation($id: ID!, $label: String!) { relabelSample(id: $id, version: 0, label: $label) { id } }", { id: String(u.id), label: u.truth });
  }
  const reviewS = (performance.now() - reviewStart) / 1000;
  const right = uploads.filter((u) => u.predicted === u.truth).length;
  console.log(JSON.stringify({ uploads: uploads.length, readRight: right, relabelled: uploads.length - right, uploadSeconds: +uploadS.toFixed(1), reviewSeconds: +reviewS.toFixed(1) }));
  console.log(`${uploads.length} uploads, ${right} read right; the worker fine-tunes once RETRAIN_AFTER approved samples are new: watch ${url}/admin/models`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

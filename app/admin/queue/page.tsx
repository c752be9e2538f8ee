import { adminPageUser } from "../../../lib/auth/page";
import { db } from "../../../lib/db/client";
import { CLASS_SETS } from "../../../lib/models/classsets";
import { AdminNav, Forbidden } from "../nav";
import { Queue } from "./queue";

export const dynamic = "force-dynamic";

const STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const;

/** `?status=APPROVED&label=7&predicted=T`: the samples behind one cell of the statistics' confusion matrix. */
function initialFilters(params: Record<string, string | string[] | undefined>) {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string).slice(0, 8) : "");
  const status = STATUSES.find((s) => s === one("status")) ?? "PENDING";
  return { status, label: one("label"), predictedLabel: one("predicted") };
}

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await adminPageUser("/admin/queue");
  if ("forbidden" in user) return <Forbidden username={user.username} />;
  const active = await db().modelVersion.findFirst({ where: { status: "active" }, select: { classSet: true } });
  const labels = CLASS_SETS[active?.classSet ?? "balanced47"]?.labels.join("") ?? "";
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <AdminNav username={user.username} current="queue" />
      <h1 className="mb-4 text-2xl font-semibold">Labelling queue</h1>
      <Queue labels={labels} initial={initialFilters(await searchParams)} />
    </main>
  );
}

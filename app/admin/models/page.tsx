import { adminPageUser } from "../../../lib/auth/page";
import { AdminNav, Forbidden } from "../nav";
import { Models } from "./models";

export const dynamic = "force-dynamic";

export default async function ModelsPage() {
  const user = await adminPageUser("/admin/models");
  if ("forbidden" in user) return <Forbidden username={user.username} />;
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <AdminNav username={user.username} current="models" />
      <h1 className="mb-4 text-2xl font-semibold">Models and training</h1>
      <Models />
    </main>
  );
}

"use client";

export function AdminNav({ username, current }: { username: string; current: "queue" | "stats" | "models" }) {
  const link = (href: string, label: string, key: string) => (
    <a href={href} aria-current={current === key ? "page" : undefined} className={`rounded px-3 py-1.5 text-sm ${current === key ? "bg-blue-700 text-[#fff]" : "text-slate-700 hover:bg-slate-200"}`}>
      {label}
    </a>
  );
  return (
    <nav className="mb-6 flex flex-wrap items-center gap-2 border-b border-slate-200 pb-3" aria-label="Admin">
      <a href="/" className="mr-3 font-semibold">handprint</a>
      {link("/admin/queue", "Queue", "queue")}
      {link("/admin/stats", "Statistics", "stats")}
      {link("/admin/models", "Models", "models")}
      <span className="ml-auto text-sm text-slate-600">{username}</span>
      <button
        type="button"
        className="btn"
        onClick={async () => {
          await fetch("/api/auth/logout", { method: "POST" });
          window.location.href = "/admin/login";
        }}
      >
        Sign out
      </button>
    </nav>
  );
}

export function Forbidden({ username }: { username: string }) {
  return (
    <main className="mx-auto max-w-md p-8">
      <h1 className="text-xl font-semibold">Admins only</h1>
      <p className="mt-2 text-slate-600">You are signed in as {username}, which is not an admin account.</p>
    </main>
  );
}

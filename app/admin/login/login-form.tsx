"use client";

import { useState } from "react";

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="mt-6 space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setBusy(true);
        setError("");
        const res = await fetch("/api/auth/login", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: form.get("username"), password: form.get("password") }),
        });
        setBusy(false);
        if (res.ok) window.location.href = next;
        else setError(((await res.json()) as { error?: { message?: string } }).error?.message ?? "sign-in failed");
      }}
    >
      <label className="block text-sm font-medium">
        Username
        <input name="username" autoComplete="username" required autoFocus className="mt-1 block w-full rounded border border-slate-300 px-3 py-2" />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 block w-full rounded border border-slate-300 px-3 py-2" />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary w-full" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}

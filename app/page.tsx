export default function Home() {
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-3xl font-semibold tracking-tight">handprint</h1>
      <p className="mt-2 text-slate-600">Handwritten character recognition: digits and letters, read by a small CNN.</p>
      <p className="mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        The service is running. Check its status at <a className="text-blue-700 underline" href="/api/health">/api/health</a> or
        query it at <a className="text-blue-700 underline" href="/api/graphql">/api/graphql</a>.
      </p>
    </main>
  );
}

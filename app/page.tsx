import { Modes } from "./modes";

export default function Home() {
  return (
    <main className="mx-auto max-w-5xl px-4 py-6 sm:py-10">
      <header className="mb-6">
        <h1 className="text-3xl font-semibold tracking-tight">handprint</h1>
        <p className="mt-1 text-slate-600">
          Write a character or a whole line (an amount, a date, a postcode, a name), or upload photos of handwriting, and see what the model reads.
        </p>
      </header>
      <Modes />
      <footer className="mt-10 text-xs text-slate-600">
        Every upload is stored and may be reviewed by our admins to train better models. API:{" "}
        <a className="underline" href="/api/graphql">GraphQL</a> · <a className="underline" href="/api/health">health</a>
      </footer>
    </main>
  );
}

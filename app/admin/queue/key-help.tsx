import { BINDINGS } from "./keys";

/** Every shortcut, from the same table the keys use. */
export function KeyHelp({ onClose }: { onClose: () => void }) {
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="key-help-title" className="fixed inset-0 z-20 flex items-center justify-center bg-[#0f172a]/40 p-4" onClick={onClose}>
      <div className="max-w-md rounded-xl bg-white p-5 shadow-xl" onClick={(e) => e.stopPropagation()}>
        <h2 id="key-help-title" className="mb-3 text-lg font-semibold">
          Keys of the labelling queue
        </h2>
        <table className="text-sm" data-testid="key-help">
          <tbody>
            {BINDINGS.map((b) => (
              <tr key={b.shown}>
                <td className="py-1 pr-4">
                  <kbd>{b.shown}</kbd>
                </td>
                <td>{b.what}</td>
              </tr>
            ))}
            <tr>
              <td className="py-1 pr-4">
                <kbd>A</kbd>…<kbd>9</kbd>
              </td>
              <td>relabel as that character</td>
            </tr>
          </tbody>
        </table>
        <p className="mt-3 text-xs text-slate-600">Keys act only while the queue has the focus (a blue ring); in a filter, Esc gives them back.</p>
        <button type="button" className="btn mt-4 min-h-11" onClick={onClose} autoFocus>
          Close (Esc)
        </button>
      </div>
    </div>
  );
}

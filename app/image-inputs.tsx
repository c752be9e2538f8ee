"use client";

import { useEffect, useRef, useState } from "react";

/** Every way besides drawing to hand the page images: drop, choose, paste, or take a photo. */
export function ImageInputs({ onFiles, what = "images" }: { onFiles: (files: File[]) => void; what?: string }) {
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = Array.from(e.clipboardData?.files ?? []).filter((f) => f.type.startsWith("image/"));
      if (files.length) {
        e.preventDefault();
        onFiles(files);
      }
    };
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, [onFiles]);

  const take = (input: HTMLInputElement) => {
    onFiles(Array.from(input.files ?? []));
    input.value = "";
  };
  return (
    <>
      <button
        type="button"
        data-testid="dropzone"
        onClick={() => picker.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          onFiles(Array.from(e.dataTransfer.files));
        }}
        className={`w-full rounded-lg border-2 border-dashed p-5 text-center text-sm ${dragging ? "border-blue-500 bg-blue-50" : "border-slate-300 bg-white"}`}
      >
        <span className="font-medium">Drop {what} here</span> or click to choose files
        <span className="block text-xs text-slate-600">You can also paste an image. PNG, JPEG, WebP, GIF, TIFF or AVIF, up to 10 MB; large photos are sent at 1280 px.</span>
      </button>
      <input ref={picker} type="file" accept="image/*" multiple hidden data-testid="file-input" onChange={(e) => take(e.target)} />
      <input ref={camera} type="file" accept="image/*" capture="environment" hidden onChange={(e) => take(e.target)} />
      <button type="button" className="btn w-full" onClick={() => camera.current?.click()}>
        Take a photo
      </button>
    </>
  );
}
